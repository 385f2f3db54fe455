package dev.stepwise.teams.bench;

import static dev.stepwise.core.testing.bench.BenchProperties.duration;
import static dev.stepwise.core.testing.bench.BenchProperties.number;

import dev.stepwise.core.testing.bench.BenchProperties;
import java.nio.file.Path;
import java.time.Duration;

/** The benchmark's knobs, each a {@code -Dbench.…} system property with the figures as defaults. */
record TeamsBenchSettings(int rate, int connections, Duration warmUp, Duration measure, Duration coldWindow, Duration jitWarmUp,
                          Duration jitSettleRound, Duration jitSettleMax, double jitSettledCores, int clients, Duration closedWarmUp, Duration closedMeasure, Duration loginDelay, int organisations,
                          int tokens, double p99BudgetMillis, Duration quietWait, double quietCores, Path output) {

    static TeamsBenchSettings fromSystemProperties() {
        return new TeamsBenchSettings(
                Integer.getInteger("bench.rate", 200),
                Integer.getInteger("bench.connections", 64),
                duration("bench.warmup", "5s"),
                duration("bench.duration", "20s"),
                duration("bench.cold-window", "1s"),
                duration("bench.jit-warmup", "10s"),
                duration("bench.jit-settle.round", "5s"),
                duration("bench.jit-settle.max", "60s"),
                number("bench.jit-settle.cores", "0.05"),
                Integer.getInteger("bench.clients", 16),
                duration("bench.closed.warmup", "3s"),
                duration("bench.closed.duration", "10s"),
                duration("bench.login-delay", "100ms"),
                Integer.getInteger("bench.organisations", 4),
                Integer.getInteger("bench.tokens", 64),
                number("bench.budget.p99-ms", "50"),
                duration("bench.quiet.wait", "60s"),
                number("bench.quiet.cores", "0.2"),
                BenchProperties.output("docs/benchmarks/teams-messages.md", "teams-adapter"));
    }
}
