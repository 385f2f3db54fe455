package dev.stepwise.core.testing.bench;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What one load run saw: latencies in microseconds (HdrHistogram, 3 significant digits), answers by status, failures,
 * its time span. Thread-safe. Shared by the adapters' benchmarks (bot-core's test-jar).
 */
public final class Stats {

    private final Histogram latencies = new Histogram(3);
    private final Map<Integer, Long> statuses = new TreeMap<>();
    private long ok;
    private long non2xx;
    private long failed;
    private long firstNanos = Long.MAX_VALUE;
    private long lastNanos = Long.MIN_VALUE;

    public synchronized void answered(int status, long startNanos, long endNanos) {
        latencies.recordValue(Math.max(0, (endNanos - startNanos) / 1_000));
        statuses.merge(status, 1L, Long::sum);
        if (status >= 200 && status < 300) {
            ok++;
        } else {
            non2xx++;
        }
        span(startNanos, endNanos);
    }

    /** No answer at all (connection refused or reset, timeout): an error, and its wait counts as latency. */
    public synchronized void failed(long startNanos, long endNanos) {
        latencies.recordValue(Math.max(0, (endNanos - startNanos) / 1_000));
        failed++;
        span(startNanos, endNanos);
    }

    public synchronized void add(Stats other) {
        synchronized (other) {
            latencies.add(other.latencies);
            other.statuses.forEach((status, count) -> statuses.merge(status, count, Long::sum));
            ok += other.ok;
            non2xx += other.non2xx;
            failed += other.failed;
            firstNanos = Math.min(firstNanos, other.firstNanos);
            lastNanos = Math.max(lastNanos, other.lastNanos);
        }
    }

    private void span(long startNanos, long endNanos) {
        firstNanos = Math.min(firstNanos, startNanos);
        lastNanos = Math.max(lastNanos, endNanos);
    }

    public synchronized long count() {
        return latencies.getTotalCount();
    }

    public synchronized long ok() {
        return ok;
    }

    /** Answers outside 2xx plus requests without an answer. */
    public synchronized long errors() {
        return non2xx + failed;
    }

    public synchronized long failed() {
        return failed;
    }

    public synchronized Map<Integer, Long> statuses() {
        return new TreeMap<>(statuses);
    }

    /** The latency at {@code percentile} (0-100), in milliseconds. */
    public synchronized double millisAt(double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1_000.0;
    }

    public synchronized double maxMillis() {
        return latencies.getMaxValue() / 1_000.0;
    }

    /** From the first request's start to the last answer, in seconds. */
    public synchronized double spanSeconds() {
        return lastNanos <= firstNanos ? 0 : (lastNanos - firstNanos) / 1e9;
    }
}
