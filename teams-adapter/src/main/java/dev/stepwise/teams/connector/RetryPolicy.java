package dev.stepwise.teams.connector;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How calls to the Bot Connector are retried after {@code 429} and {@code 5xx} answers.
 *
 * @param maxAttempts    attempts in all, the first included
 * @param baseDelay      the wait before the first retry; doubled for each later one, with jitter
 * @param maxDelay       the longest computed wait (a longer {@code Retry-After} is still honoured)
 * @param maxTotalWait   the most time spent waiting for one call; a wait beyond it ends the call with the last error
 * @param requestTimeout how long one attempt may take once connected
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxTotalWait,
                          Duration requestTimeout) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8),
            Duration.ofSeconds(30), Duration.ofSeconds(10));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /**
     * The wait before attempt {@code attempt + 1}: exponential backoff with "equal jitter" (half fixed, half
     * random, so concurrent senders spread out), never shorter than the server's {@code Retry-After}.
     */
    Duration delayAfter(int attempt, Duration retryAfter) {
        long exponential = baseDelay.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(exponential, maxDelay.toMillis());
        long half = capped / 2;
        long jittered = half + ThreadLocalRandom.current().nextLong(capped - half + 1);
        Duration backoff = Duration.ofMillis(jittered);
        return retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
    }
}
