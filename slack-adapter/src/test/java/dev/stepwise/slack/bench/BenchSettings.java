package dev.stepwise.slack.bench;

import dev.stepwise.core.testing.bench.BenchProperties;
import java.nio.file.Path;
import java.time.Duration;

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
                BenchProperties.output("docs/benchmarks/slack-ack.md", "slack-adapter"));
    }

    private static Duration duration(String property, String fallback) {
        return BenchProperties.duration(property, fallback);
    }

}
