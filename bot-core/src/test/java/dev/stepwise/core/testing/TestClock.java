package dev.stepwise.core.testing;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand; it stands still otherwise. Every test context starts one at the suite's base instant
 * ({@link #atBase()}), so no test depends on the day or hour it runs at: {@code -Dstepwise.test.now=<instant>}
 * runs the whole suite as if it were that instant.
 */
public final class TestClock extends Clock {

    /** The system property that sets the base instant: an ISO instant or an ISO zoned date-time. */
    public static final String BASE_PROPERTY = "stepwise.test.now";
    /** The base instant when the property is not set (the parent pom sets the same): a Monday, 09:00 in London. */
    public static final String DEFAULT_BASE = "2026-11-23T09:00:00Z";

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public TestClock(Instant start) {
        this(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    private TestClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A new clock at the base instant, in the base's zone (UTC for an instant). */
    public static TestClock atBase() {
        ZonedDateTime base = base();
        return new TestClock(new AtomicReference<>(base.toInstant()), base.getZone());
    }

    /**
     * The suite's base instant: {@value #BASE_PROPERTY} (e.g. {@code 2026-12-07T22:00:00Z} or
     * {@code 2026-12-11T23:30:00+09:00[Asia/Tokyo]}), else {@value #DEFAULT_BASE}.
     */
    public static ZonedDateTime base() {
        String value = System.getProperty(BASE_PROPERTY, "");
        return parse(value.isBlank() ? DEFAULT_BASE : value.strip());
    }

    /** The Monday of the base instant's week in {@code zone}, at {@code time} there: the same weekday whatever the base. */
    public static ZonedDateTime baseWeekMonday(ZoneId zone, LocalTime time) {
        return base().withZoneSameInstant(zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).with(time);
    }

    static ZonedDateTime parse(String value) {
        try {
            return ZonedDateTime.parse(value);
        } catch (DateTimeParseException notIso) {
            throw new IllegalArgumentException(BASE_PROPERTY + " must be an ISO instant (2026-12-07T22:00:00Z) or zoned "
                    + "date-time (2026-12-11T23:30:00+09:00[Asia/Tokyo]), was: " + value, notIso);
        }
    }

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same clock (moving it moves both) seen in another zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new TestClock(now, zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
