package dev.stepwise.slack.webapi;

import java.time.Duration;

/** Waits on the calling thread; a seam so tests can replace real sleeping. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps for real ({@link Thread#sleep(Duration)}). */
    static Sleeper system() {
        return duration -> {
            if (duration.isPositive()) {
                Thread.sleep(duration);
            }
        };
    }
}
