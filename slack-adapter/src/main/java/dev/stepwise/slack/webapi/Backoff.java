package dev.stepwise.slack.webapi;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with "equal jitter": half the step is fixed, the other half random. */
final class Backoff {

    private final Duration initial;
    private final Duration max;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** The wait after failed attempt {@code attempt} (1-based). */
    Duration after(int attempt) {
        long step = initial.toMillis() << Math.min(attempt - 1, 20);
        step = Math.min(step, max.toMillis());
        long half = step / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(step - half + 1));
    }
}
