package dev.stepwise.slack.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** The benchmark's knobs, each a {@code -Dbench.…} system property with the figures as defaults. */
record BenchSettings(int rate, int connections, Duration warmUp, Duration measure, Duration coldWindow, Duration jitWarmUp, int clients,
                     Duration closedWarmUp, Duration closedMeasure, Duration authTestDelay, int organisations,
                     double p99BudgetMillis, double throughputBudget, Duration quietWait, double quietCores, Path output) {

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                Integer.getInteger("bench.rate", 500),
                Integer.getInteger("bench.connections", 64),
                duration("bench.warmup", "5s"),
                duration("bench.duration", "20s"),
                duration("bench.cold-window", "1s"),
                duration("bench.jit-warmup", "10s"),
                Integer.getInteger("bench.clients", 16),
                duration("bench.closed.warmup", "3s"),
                duration("bench.closed.duration", "10s"),
                duration("bench.auth-test-delay", "100ms"),
                Integer.getInteger("bench.organisations", 4),
                Double.parseDouble(System.getProperty("bench.budget.p99-ms", "25")),
                Double.parseDouble(System.getProperty("bench.budget.throughput", "0.8")),
                duration("bench.quiet.wait", "60s"),
                Double.parseDouble(System.getProperty("bench.quiet.cores", "0.2")),
                System.getProperty("bench.output") != null ? Path.of(System.getProperty("bench.output"))
                        : repositoryRoot().resolve("docs/benchmarks/slack-ack.md"));
    }

    private static Duration duration(String property, String fallback) {
        String value = System.getProperty(property, fallback).strip().toLowerCase(Locale.ROOT);
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        return Duration.parse("PT" + value.toUpperCase(Locale.ROOT));
    }

    /** Surefire runs in the module's folder; the repository root is the nearest folder up with the Maven wrapper. */
    private static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve("mvnw")) && Files.exists(candidate.resolve("slack-adapter"))) {
                return candidate;
            }
        }
        return dir;
    }
}
