package dev.stepwise.core.testing.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** Reading the benchmarks' {@code -Dbench.…} knobs, and where their reports go. Shared by the adapters' benchmarks. */
public final class BenchProperties {

    private BenchProperties() {
    }

    /** A duration property: {@code 250ms}, {@code 20s}, {@code 1m}, or {@code fallback} in the same form. */
    public static Duration duration(String property, String fallback) {
        String value = System.getProperty(property, fallback).strip().toLowerCase(Locale.ROOT);
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        return Duration.parse("PT" + value.toUpperCase(Locale.ROOT));
    }

    public static double number(String property, String fallback) {
        return Double.parseDouble(System.getProperty(property, fallback));
    }

    /**
     * {@code -Dbench.output}, else {@code relativePath} under the repository root: Surefire runs in the module's folder,
     * and the root is the nearest folder up with the Maven wrapper and {@code module}.
     */
    public static Path output(String relativePath, String module) {
        String output = System.getProperty("bench.output");
        return output != null ? Path.of(output) : repositoryRoot(module).resolve(relativePath);
    }

    private static Path repositoryRoot(String module) {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve("mvnw")) && Files.exists(candidate.resolve(module))) {
                return candidate;
            }
        }
        return dir;
    }
}
