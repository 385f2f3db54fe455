package dev.stepwise.slack.webapi;

/**
 * A token bucket kept as a "theoretical arrival time" (the GCRA form): a call may go at {@code tat - tolerance},
 * each call moves {@code tat} one interval on. Times are nanoseconds on the pacer's time line. Not thread-safe.
 */
final class TokenBucket {

    private final long intervalNanos;
    private final long toleranceNanos;
    private long tat;

    TokenBucket(PacingRates.Rate rate, long now) {
        this.intervalNanos = rate.interval().toNanos();
        this.toleranceNanos = (rate.burst() - 1) * intervalNanos;
        this.tat = now;
    }

    /** The earliest time at or after {@code now} a call may go. */
    long earliest(long now) {
        return Math.max(now, tat - toleranceNanos);
    }

    /** Spends one permit for a call going at {@code at} (not before {@link #earliest}). */
    void take(long at) {
        tat = Math.max(tat, at) + intervalNanos;
    }

    /** Lets no call go before {@code until}, and none in a burst right after it. */
    void holdUntil(long until) {
        tat = Math.max(tat, until + toleranceNanos);
    }

    /** Whether the bucket is full again, i.e. indistinguishable from a new one. */
    boolean idle(long now) {
        return tat <= now;
    }
}
