package dev.stepwise.slack.webapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock that moves only when told, from the suite's base instant; the ticker on the same time line; and a sleeper
 * that moves both instead of sleeping.
 */
final class TestClock extends Clock implements Ticker {

    private Instant now = dev.stepwise.core.testing.TestClock.base().toInstant();
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public synchronized long nanos() {
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    Sleeper sleeper() {
        return duration -> {
            synchronized (this) {
                sleeps.add(duration);
                now = now.plus(duration);
            }
        };
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
