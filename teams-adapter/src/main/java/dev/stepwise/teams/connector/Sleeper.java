package dev.stepwise.teams.connector;

import java.time.Duration;

/** Waits between retries; tests record the waits instead. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = Thread::sleep;

    void sleep(Duration duration) throws InterruptedException;
}
