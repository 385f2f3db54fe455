package dev.stepwise.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.stepwise.core.conversation.Intent;
import dev.stepwise.core.engine.Capabilities;
import dev.stepwise.core.engine.Understanding;
import dev.stepwise.core.help.ComingSoon;
import dev.stepwise.core.testing.CoreTestContext;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Teams app package in infra/teams is valid for the manifest schema it names, offers only commands the core
 * understands, and packs into a zip Teams accepts.
 */
class TeamsManifestTest {

    private static final Path DIR = Path.of("..", "infra", "teams");
    private static final String APP_ID = "${{MICROSOFT_APP_ID}}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode manifest() throws IOException {
        return JSON.readTree(Files.readString(DIR.resolve("manifest.json")));
    }

    @Test
    void hasTheRequiredFieldsWithinTheSchemaLimits() throws IOException {
        JsonNode manifest = manifest();
        assertThat(manifest.path("manifestVersion").asString()).isEqualTo("1.19");
        assertThat(manifest.path("$schema").asString()).endsWith("/teams/v1.19/MicrosoftTeams.schema.json");
        assertThat(manifest.path("id").asString()).as("the Teams app id is the bot's app id").isEqualTo(APP_ID);
        assertThat(manifest.path("version").asString()).isNotBlank();
        for (String field : List.of("name", "websiteUrl", "privacyUrl", "termsOfUseUrl")) {
            assertThat(manifest.path("developer").path(field).asString()).as("developer." + field).isNotBlank();
        }
        assertThat(manifest.path("developer").path("name").asString()).hasSizeLessThanOrEqualTo(32);
        assertThat(manifest.path("name").path("short").asString()).isNotBlank().hasSizeLessThanOrEqualTo(30);
        assertThat(manifest.path("name").path("full").asString()).hasSizeLessThanOrEqualTo(100);
        assertThat(manifest.path("description").path("short").asString()).isNotBlank().hasSizeLessThanOrEqualTo(80);
        assertThat(manifest.path("description").path("full").asString()).isNotBlank().hasSizeLessThanOrEqualTo(4000);
        assertThat(manifest.path("icons").path("color").asString()).isEqualTo("color.png");
        assertThat(manifest.path("icons").path("outline").asString()).isEqualTo("outline.png");
        assertThat(manifest.path("accentColor").asString()).matches("#[0-9A-Fa-f]{6}");
        assertThat(strings(manifest.path("permissions"))).containsExactlyInAnyOrder("identity", "messageTeamMembers");
        assertThat(strings(manifest.path("validDomains"))).containsExactly("${{BOT_DOMAIN}}");
    }

    @Test
    void theBotIsConversationalInEveryScope() throws IOException {
        JsonNode bots = manifest().path("bots");
        assertThat(bots.size()).isEqualTo(1);
        JsonNode bot = bots.get(0);
        assertThat(bot.path("botId").asString()).isEqualTo(APP_ID);
        assertThat(strings(bot.path("scopes"))).containsExactlyInAnyOrder("personal", "team", "groupChat");
        assertThat(bot.path("isNotificationOnly").asBoolean(true)).isFalse();
        assertThat(bot.path("supportsFiles").asBoolean(true)).isFalse();
        assertThat(bot.path("supportsCalling").asBoolean(true)).isFalse();
        assertThat(bot.path("supportsVideo").asBoolean(true)).isFalse();

        List<String> listed = new ArrayList<>();
        for (JsonNode list : bot.path("commandLists")) {
            listed.addAll(strings(list.path("scopes")));
        }
        assertThat(listed).as("one command list per scope").containsExactlyInAnyOrder("personal", "team", "groupChat");
    }

    @Test
    void everyCommandTheMenuOffersIsOneTheCoreUnderstands() throws IOException {
        Understanding understanding = CoreTestContext.bean(Understanding.class);
        Capabilities capabilities = CoreTestContext.bean(Capabilities.class);
        Map<String, String> personal = new HashMap<>();
        for (JsonNode list : manifest().path("bots").get(0).path("commandLists")) {
            JsonNode commands = list.path("commands");
            assertThat(commands.size()).as("commands in %s", list.path("scopes")).isBetween(1, 10);
            for (JsonNode command : commands) {
                String title = command.path("title").asString();
                String description = command.path("description").asString();
                assertThat(title).isNotBlank().hasSizeLessThanOrEqualTo(32);
                assertThat(description).isNotBlank().hasSizeLessThanOrEqualTo(128);
                // Selecting a command inserts its title as the message, so it must start the command as it is.
                Optional<Intent> intent = understanding.command(title);
                assertThat(intent).as("'%s' is a command", title).isPresent();
                assertThat(description.endsWith("(coming soon)"))
                        .as("'%s' says '(coming soon)' exactly while the core answers that it isn't available yet", title)
                        .isEqualTo(capabilities.owner(intent.get().name()).map(ComingSoon.class::isInstance).orElse(false));
                if (strings(list.path("scopes")).contains("personal")) {
                    personal.put(title, description);
                }
            }
        }
        assertThat(personal).containsKeys("help", "give feedback", "request feedback", "my feedback", "self-assessment",
                "help with a situation", "my goals", "my plan", "settings");
        assertThat(understanding.command("give feedback")).get().extracting(Intent::name).isEqualTo("give_feedback");
    }

    @Test
    void theMessageExtensionGivesFeedbackOnAMessageThroughADialogTheBotFetches() throws IOException {
        JsonNode extensions = manifest().path("composeExtensions");
        assertThat(extensions.size()).isEqualTo(1);
        assertThat(extensions.get(0).path("botId").asString()).isEqualTo(APP_ID);
        JsonNode commands = extensions.get(0).path("commands");
        assertThat(commands.size()).isEqualTo(1);
        JsonNode command = commands.get(0);
        assertThat(command.path("id").asString()).isEqualTo("giveFeedbackOnMessage");
        assertThat(command.path("type").asString()).isEqualTo("action");
        assertThat(strings(command.path("context"))).containsExactly("message");
        assertThat(command.path("fetchTask").asBoolean(false)).isTrue();
        assertThat(command.path("title").asString()).isNotBlank().hasSizeLessThanOrEqualTo(32);
        assertThat(command.path("description").asString()).isNotBlank().hasSizeLessThanOrEqualTo(128);
    }

    @Test
    void theIconsHaveTheSizesTeamsAsksFor() throws IOException {
        BufferedImage color = png(DIR.resolve("color.png"), 192);
        BufferedImage outline = png(DIR.resolve("outline.png"), 32);

        assertThat(alpha(color, 0, 0)).as("the colour icon is opaque").isEqualTo(255);
        assertThat(outline.getColorModel().hasAlpha()).isTrue();
        int transparent = 0;
        int white = 0;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                int argb = outline.getRGB(x, y);
                if (alpha(outline, x, y) == 0) {
                    transparent++;
                } else {
                    assertThat(argb & 0xFFFFFF).as("outline pixel (%d, %d) is white", x, y).isEqualTo(0xFFFFFF);
                    white++;
                }
            }
        }
        assertThat(transparent).as("transparent pixels").isPositive();
        assertThat(white).as("white pixels").isPositive();
    }

    @Test
    void packageShFillsThePlaceholdersAndZipsTheThreeFilesAtTheRoot(@TempDir Path out) throws Exception {
        assumeThat(bashAvailable()).as("bash on the PATH").isTrue();
        String appId = "0b2f8f7e-6d1c-4c55-9a3e-2f1d7c9b8a61";
        Process run = packageSh(Map.of("MICROSOFT_APP_ID", appId, "BOT_DOMAIN", "stepwise.example.com",
                "OUT_DIR", out.toString()));
        assertThat(run.exitValue()).as(output(run)).isZero();

        Map<String, byte[]> entries = unzip(out.resolve("stepwise-teams.zip"));
        assertThat(entries).containsOnlyKeys("manifest.json", "color.png", "outline.png");
        assertThat(entries.get("color.png")).isEqualTo(Files.readAllBytes(DIR.resolve("color.png")));
        assertThat(entries.get("outline.png")).isEqualTo(Files.readAllBytes(DIR.resolve("outline.png")));
        String text = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("${{");
        JsonNode manifest = JSON.readTree(text);
        assertThat(manifest.path("id").asString()).isEqualTo(appId);
        assertThat(manifest.path("bots").get(0).path("botId").asString()).isEqualTo(appId);
        assertThat(manifest.path("composeExtensions").get(0).path("botId").asString()).isEqualTo(appId);
        assertThat(strings(manifest.path("validDomains"))).containsExactly("stepwise.example.com");
        assertThat(manifest.path("version").asString()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(manifest.path("developer").path("privacyUrl").asString()).startsWith("https://stepwise.example.com");
    }

    @Test
    void packageShRefusesAMissingOrMalformedAppIdOrDomain(@TempDir Path out) throws Exception {
        assumeThat(bashAvailable()).as("bash on the PATH").isTrue();
        String guid = "0b2f8f7e-6d1c-4c55-9a3e-2f1d7c9b8a61";
        List<Map<String, String>> bad = List.of(
                Map.of("BOT_DOMAIN", "stepwise.example.com"),
                Map.of("MICROSOFT_APP_ID", "not-a-guid", "BOT_DOMAIN", "stepwise.example.com"),
                Map.of("MICROSOFT_APP_ID", guid),
                Map.of("MICROSOFT_APP_ID", guid, "BOT_DOMAIN", "https://stepwise.example.com/api/messages"));
        for (Map<String, String> env : bad) {
            Map<String, String> withOut = new HashMap<>(env);
            withOut.put("OUT_DIR", out.toString());
            Process run = packageSh(withOut);
            assertThat(run.exitValue()).as("exit status for %s", env).isNotZero();
            assertThat(output(run)).contains("package.sh:");
        }
        assertThat(out.resolve("stepwise-teams.zip")).doesNotExist();
    }

    private static Process packageSh(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", DIR.resolve("package.sh").toString()).redirectErrorStream(true);
        for (String name : List.of("MICROSOFT_APP_ID", "BOT_DOMAIN", "APP_VERSION", "WEBSITE_URL", "PRIVACY_URL",
                "TERMS_URL", "OUT_DIR")) {
            builder.environment().remove(name);
        }
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("package.sh finishes").isTrue();
        return process;
    }

    private static String output(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static boolean bashAvailable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "bash"))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** Reads a PNG, checking its signature and IHDR size before decoding it. */
    private static BufferedImage png(Path path, int size) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
        assertThat(new String(bytes, 12, 4, StandardCharsets.US_ASCII)).isEqualTo("IHDR");
        assertThat(intAt(bytes, 16)).as("%s width", path.getFileName()).isEqualTo(size);
        assertThat(intAt(bytes, 20)).as("%s height", path.getFileName()).isEqualTo(size);
        try (InputStream in = Files.newInputStream(path)) {
            BufferedImage image = ImageIO.read(in);
            assertThat(image).as("%s decodes", path.getFileName()).isNotNull();
            return image;
        }
    }

    private static int intAt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16) | ((bytes[offset + 2] & 0xFF) << 8)
                | (bytes[offset + 3] & 0xFF);
    }

    private static int alpha(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) >>> 24;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            values.add(value.asString());
        }
        return values;
    }
}
