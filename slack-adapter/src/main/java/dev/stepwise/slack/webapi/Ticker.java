package dev.stepwise.slack.webapi;

/**
 * Elapsed time for pacing and waits, in nanoseconds from an arbitrary origin: never a time of day, so a clock set
 * forward or back (or a test's clock standing still) cannot make calls burst or stall. A seam so tests can drive it
 * together with their {@link Sleeper}.
 */
@FunctionalInterface
public interface Ticker {

    long nanos();

    /** {@link System#nanoTime()}. */
    static Ticker system() {
        return System::nanoTime;
    }
}
