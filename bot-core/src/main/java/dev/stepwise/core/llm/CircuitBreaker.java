package dev.stepwise.core.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling an endpoint that keeps failing. Closed: calls go through and consecutive failures are counted. After
 * {@code failuresBeforeOpen} in a row it opens: calls are refused at once for {@code openFor}. Then one trial call is
 * let through (half open): success closes it, failure opens it again. Thread-safe.
 */
final class CircuitBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final Clock clock;
    private final int failuresBeforeOpen;
    private final Duration openFor;
    private State state = State.CLOSED;
    private int failures;
    private Instant openedAt;
    private boolean trialInFlight;

    CircuitBreaker(Clock clock, int failuresBeforeOpen, Duration openFor) {
        this.clock = clock;
        this.failuresBeforeOpen = failuresBeforeOpen;
        this.openFor = openFor;
    }

    /** Whether a call may go ahead now; a true answer must be followed by {@link #succeeded} or {@link #failed}. */
    synchronized boolean allow() {
        if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(openFor))) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    synchronized void succeeded() {
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
    }

    synchronized void failed() {
        failures++;
        trialInFlight = false;
        if (state == State.HALF_OPEN || failures >= failuresBeforeOpen) {
            state = State.OPEN;
            openedAt = clock.instant();
        }
    }

    synchronized State state() {
        return state;
    }
}
