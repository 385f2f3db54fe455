package dev.stepwise.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stepwise.core.organisation.Organisation;
import dev.stepwise.core.testing.SharedDataFolders;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code infra/cli/stepwise-catalogue} run for real with bash and curl against the running application. */
class CatalogueCliTest extends AdminApiTestSupport {

    record Run(int exit, String out, String err) {
        JsonNode json() {
            return JSON.readTree(out);
        }
    }

    private static Path script;

    @TempDir
    Path dir;

    private Organisation org;
    private Path export;
    private Path mapping;

    @BeforeAll
    static void findTheScript() {
        assumeTrue(onPath("bash") && onPath("curl"), "Skipped: bash and curl are needed to run infra/cli/stepwise-catalogue");
        script = repositoryFile("infra/cli/stepwise-catalogue");
    }

    @BeforeEach
    void setUp() throws IOException {
        org = newOrganisation();
        export = Files.writeString(dir.resolve("export.csv"), AdminApiTest.EXPORT);
        mapping = Files.writeString(dir.resolve("mapping.json"), AdminApiTest.MAPPING);
    }

    @Test
    void importSearchGetAndDeleteThroughTheScript() {
        Run imported = cli(ADMIN_TOKEN, "--org", org.key(), "import", export.toString(), "--mapping", mapping.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.json().get("added").asInt()).isEqualTo(3);

        Run dry = cli(ADMIN_TOKEN, "--org", org.key(), "import", export.toString(), "--mapping", mapping.toString(),
                "--replace", "--dry-run");
        assertThat(dry.json().get("dryRun").asBoolean()).isTrue();
        assertThat(dry.json().get("mode").asString()).isEqualTo("replace");
        assertThat(dry.json().get("deletedKeys").toString()).isEqualTo("[\"feedback-basics\"]");

        Run found = cli(ADMIN_TOKEN, "--org", org.key(), "search", "hard conversations", "-k", "2", "--skill", "Communication",
                "--type", "Full Course", "--max-duration", "2 hours", "--level", "3", "--mode", "bm25");
        assertThat(found.exit()).as(found.err()).isZero();
        assertThat(found.json()).extracting(h -> h.get("key").asString()).containsExactly("hc-1");
        assertThat(found.json().get(0).get("score").asDouble()).isPositive();

        Run item = cli(ADMIN_TOKEN, "--org", org.key(), "get", "tp-2");
        assertThat(item.json().get("title").asString()).isEqualTo("Test pyramids");

        Run deleted = cli(ADMIN_TOKEN, "--org", org.key(), "delete", "tp-2", "rr-3");
        assertThat(deleted.exit()).as(deleted.err()).isZero();
        assertThat(deleted.out()).contains("\"deleted\":\"tp-2\"", "\"deleted\":\"rr-3\"");

        Run again = cli(ADMIN_TOKEN, "--org", org.key(), "delete", "tp-2");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("stepwise-catalogue: 404: The catalogue of '" + org.key() + "' has no item 'tp-2'.\n");
    }

    @Test
    void keysAndOrganisationsAreEncodedInThePath() throws IOException {
        Path items = Files.writeString(dir.resolve("items.json"),
                "[{\"key\": \"key with spaces & \u00fc?\", \"title\": \"Odd key\", \"url\": \"https://x.example/odd\", \"type\": \"video\"}]");

        assertThat(cli(ADMIN_TOKEN, "--org", org.key(), "import", items.toString()).json().get("added").asInt()).isEqualTo(1);
        assertThat(cli(ADMIN_TOKEN, "--org", org.key(), "get", "key with spaces & \u00fc?").json().get("title").asString())
                .isEqualTo("Odd key");
        Run unknown = cli(ADMIN_TOKEN, "--org", "no such org", "get", "x");
        assertThat(unknown.err()).isEqualTo("stepwise-catalogue: 404: There's no organisation 'no such org'.\n");
    }

    @Test
    void badInputGetsTheServicesMessageAndAnExitCode() throws IOException {
        Run wrongToken = cli("not-the-token-0123456789", "--org", org.key(), "get", "x");
        assertThat(wrongToken.exit()).isEqualTo(1);
        assertThat(wrongToken.err()).isEqualTo("stepwise-catalogue: 401: That admin token isn't valid.\n");

        Run otherOrganisation = cli(ACME_TOKEN, "--org", org.key(), "get", "x");
        assertThat(otherOrganisation.exit()).isEqualTo(1);
        assertThat(otherOrganisation.err()).isEqualTo("stepwise-catalogue: 403: This token administers the organisation 'acme' only.\n");

        Path broken = Files.writeString(dir.resolve("broken.csv"), "Course ID,Course title,Link\nx,\"never closed\n");
        Run malformed = cli(ADMIN_TOKEN, "--org", org.key(), "import", broken.toString(), "--mapping", mapping.toString());
        assertThat(malformed.exit()).isEqualTo(1);
        assertThat(malformed.err()).startsWith("stepwise-catalogue: 400: The file isn't valid CSV, so nothing was imported.");

        Run noToken = cli(null, "--org", org.key(), "get", "x");
        assertThat(noToken.exit()).isEqualTo(2);
        assertThat(noToken.err()).contains("set STEPWISE_ADMIN_TOKEN");
        Run noFile = cli(ADMIN_TOKEN, "--org", org.key(), "import", dir.resolve("missing.csv").toString());
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.err()).contains("can't read the file");
        Run noOrganisation = cli(ADMIN_TOKEN, "get", "x");
        assertThat(noOrganisation.exit()).isEqualTo(2);
        assertThat(noOrganisation.err()).contains("say which organisation");
        Run unknownCommand = cli(ADMIN_TOKEN, "--org", org.key(), "export");
        assertThat(unknownCommand.exit()).isEqualTo(2);

        Run unreachable = run(Map.of("STEPWISE_URL", "http://127.0.0.1:1", "STEPWISE_ADMIN_TOKEN", ADMIN_TOKEN), "--org", "x", "get", "y");
        assertThat(unreachable.exit()).isEqualTo(3);
        assertThat(unreachable.err()).contains("couldn't reach Stepwise at http://127.0.0.1:1");
        assertThat(store.byKey(org.id()).keySet()).containsExactly("feedback-basics");
    }

    @Test
    void theMitOpenCourseWareExportImportsThroughTheShippedMapping() {
        String sub = "catalogue/mit-ocw/ocw_oer_export.csv";
        Optional<Path> mit = SharedDataFolders.find(sub);
        assumeTrue(mit.isPresent(), () -> SharedDataFolders.absent(sub));
        Path shipped = repositoryFile("infra/cli/mappings/mit-ocw.json");

        Run imported = cli(ADMIN_TOKEN, "--org", org.key(), "import", mit.get().toString(), "--mapping", shipped.toString());

        assertThat(imported.exit()).as(imported.err()).isZero();
        JsonNode report = imported.json();
        assertThat(List.of(report.get("rows").asInt(), report.get("added").asInt(), report.get("rejected").asInt()))
                .containsExactly(2590, 2590, 0);
        assertThat(updates.notices(org.id())).singleElement().satisfies(n -> assertThat(n.itemIds()).hasSize(2590));
        Run found = cli(ADMIN_TOKEN, "--org", org.key(), "search", "communication", "--skill", "communication", "-k", "3");
        assertThat(found.json().size()).isEqualTo(3);
    }

    private Run cli(String token, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("STEPWISE_URL", url(""));
        if (token != null) {
            env.put("STEPWISE_ADMIN_TOKEN", token);
        }
        return run(env, args);
    }

    private Run run(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("STEPWISE_URL");
        builder.environment().remove("STEPWISE_ADMIN_TOKEN");
        builder.environment().remove("STEPWISE_ORG");
        builder.environment().putAll(env);
        try {
            Path out = Files.createTempFile(dir, "out", ".txt");
            Path err = Files.createTempFile(dir, "err", ".txt");
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("stepwise-catalogue " + String.join(" ", args) + " didn't finish in 2 minutes");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, program))) {
                return true;
            }
        }
        return false;
    }

    static Path repositoryFile(String path) {
        for (Path at = Path.of(System.getProperty("user.dir")).toAbsolutePath(); at != null; at = at.getParent()) {
            if (Files.exists(at.resolve(path))) {
                return at.resolve(path);
            }
        }
        throw new IllegalStateException("No " + path + " above " + System.getProperty("user.dir"));
    }
}
