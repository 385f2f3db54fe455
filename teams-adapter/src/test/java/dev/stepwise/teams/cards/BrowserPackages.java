package dev.stepwise.teams.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The npm packages a browser test needs, as pinned by {@code package-lock.json} in its folder: installed with
 * {@code npm ci} when {@code node_modules} does not hold exactly the pinned versions (a fresh clone, or a changed lock).
 */
final class BrowserPackages {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long INSTALL_MINUTES = 5;

    private BrowserPackages() {
    }

    /** Empty when the folder's packages are installed (installing them if needed), else why they are not. */
    static Optional<String> ensureInstalled(Path folder, List<String> packages) {
        try {
            if (installed(folder, packages)) {
                return Optional.empty();
            }
            Optional<Path> npm = onPath("npm");
            if (npm.isEmpty()) {
                return Optional.of("npm is not installed, so " + packages + " cannot be installed in " + folder);
            }
            Path log = Path.of("target", "npm-ci.log");
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(npm.get().toString(), "ci", "--no-audit", "--no-fund")
                    .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return Optional.of("npm ci in " + folder + " took over " + INSTALL_MINUTES + " minutes (see " + log + ")");
            }
            if (process.exitValue() != 0 || !installed(folder, packages)) {
                return Optional.of("npm ci in " + folder + " failed with exit code " + process.exitValue() + ": "
                        + Files.readString(log).strip());
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot install " + packages + " in " + folder + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while installing " + packages);
        }
    }

    private static boolean installed(Path folder, List<String> packages) throws IOException {
        JsonNode lock = JSON.readTree(folder.resolve("package-lock.json").toFile()).path("packages");
        for (String name : packages) {
            String pinned = lock.path("node_modules/" + name).path("version").asText(null);
            Path manifest = folder.resolve("node_modules").resolve(name).resolve("package.json");
            if (pinned == null) {
                throw new IllegalStateException(name + " is not pinned in " + folder.resolve("package-lock.json"));
            }
            if (!Files.isRegularFile(manifest) || !pinned.equals(JSON.readTree(manifest.toFile()).path("version").asText())) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        return path == null ? Optional.empty() : Arrays.stream(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, command)).filter(Files::isExecutable).findFirst();
    }
}
