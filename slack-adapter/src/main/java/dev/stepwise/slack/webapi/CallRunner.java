package dev.stepwise.slack.webapi;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Runs one Web API call to completion on the calling thread: waits for the pacer, makes the attempt, classifies a
 * failure and decides whether and when to try again (see {@link SlackWebApi} for the rules). Every wait must end
 * before the call's deadline; a wait that would not fails fast.
 */
final class CallRunner {

    private static final Logger log = LoggerFactory.getLogger(CallRunner.class);

    /** One attempt through the SDK. */
    @FunctionalInterface
    interface SdkCall<T extends SlackApiTextResponse> {
        T invoke(MethodsClient client) throws IOException, SlackApiException;
    }

    /** Looks for the effect of earlier attempts made since {@code firstAttempt}. */
    @FunctionalInterface
    interface DeliveryCheck<T> {
        Delivery<T> check(Instant firstAttempt, long deadline);
    }

    record Delivery<T>(State state, T found) {

        enum State { FOUND, NOT_FOUND, UNKNOWN }

        static <T> Delivery<T> found(T found) {
            return new Delivery<>(State.FOUND, found);
        }

        static <T> Delivery<T> notFound() {
            return new Delivery<>(State.NOT_FOUND, null);
        }

        static <T> Delivery<T> unknown() {
            return new Delivery<>(State.UNKNOWN, null);
        }
    }

    /**
     * @param channel the channel for per-channel pacing, or {@code null}
     * @param check required for {@link RetryMode#VERIFIED}, else {@code null}
     */
    record Call<T extends SlackApiTextResponse>(String method, String token, String channel, RetryMode mode,
                                                SdkCall<T> sdkCall, DeliveryCheck<T> check) {

        Call {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("a bot token is required for " + method);
            }
            if (mode == RetryMode.VERIFIED && check == null) {
                throw new IllegalArgumentException("a verified call needs a delivery check");
            }
        }
    }

    private final Slack slack;
    private final com.google.gson.Gson gson;
    private final Pacer pacer;
    private final Backoff backoff;
    private final SlackCallCounters counters;
    private final Clock clock;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final int maxAttempts;
    private final Duration maxRetryWait;

    /**
     * @param clock  when the first attempt was made, to look for its message among Slack's (which carry the time)
     * @param ticker elapsed time for every wait and the call's deadline; {@code sleeper} must agree with it
     */
    CallRunner(Slack slack, Pacer pacer, Backoff backoff, SlackCallCounters counters, Clock clock, Ticker ticker,
               Sleeper sleeper, int maxAttempts, Duration maxRetryWait) {
        this.slack = slack;
        this.gson = com.slack.api.util.json.GsonFactory.createSnakeCase(slack.getConfig());
        this.pacer = pacer;
        this.backoff = backoff;
        this.counters = counters;
        this.clock = clock;
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.maxAttempts = maxAttempts;
        this.maxRetryWait = maxRetryWait;
    }

    <T extends SlackApiTextResponse> T run(Call<T> call) {
        return run(call, ticker.nanos() + maxRetryWait.toNanos());
    }

    /** Runs {@code call}, never starting a wait that would end after {@code deadline} (on the ticker). */
    <T extends SlackApiTextResponse> T run(Call<T> call, long deadline) {
        String method = call.method();
        counters.countCall(method);
        List<Pacer.Key> keys = pacer.keysFor(call.token(), method, call.channel());
        MethodsClient client = new ReusedGsonMethodsClient(slack, gson, call.token());
        Instant firstAttempt = null;
        boolean maybeTookEffect = false;
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1) {
                counters.countRetry(method);
            }
            awaitTurn(method, keys, deadline, maybeTookEffect);
            if (firstAttempt == null) {
                firstAttempt = clock.instant();
            }
            AttemptFailure failure;
            try {
                T response = call.sdkCall().invoke(client);
                if (response.isOk()) {
                    return response;
                }
                failure = AttemptFailure.of(response);
            } catch (SlackApiException e) {
                failure = AttemptFailure.of(e);
            } catch (IOException e) {
                failure = AttemptFailure.of(e);
            } catch (RuntimeException e) {
                throw new SlackCallFailed(method, "unexpected_response", true, null, e);
            }
            boolean last = attempt >= maxAttempts;
            switch (failure.kind()) {
                case FINAL -> throw failed(method, failure, maybeTookEffect);
                case RATE_LIMITED -> {
                    counters.countRateLimited(method);
                    pacer.holdBack(keys, failure.retryAfter());
                    log.info("Slack {} rate limited (attempt {}), holding the method back for {} ms",
                            method, attempt, failure.retryAfter().toMillis());
                    if (last) {
                        throw failed(method, failure, maybeTookEffect);
                    }
                    // The next turn from the pacer waits out Retry-After, or fails fast past the deadline.
                }
                case NOT_SENT -> pauseBeforeRetry(method, failure, attempt, deadline, maybeTookEffect);
                case AMBIGUOUS -> {
                    switch (call.mode()) {
                        case AT_MOST_ONCE -> throw failed(method, failure, true);
                        case IDEMPOTENT -> {
                            maybeTookEffect = true;
                            pauseBeforeRetry(method, failure, attempt, deadline, true);
                        }
                        case VERIFIED -> {
                            Delivery<T> delivery = lookForEarlierAttempts(call, attempt, firstAttempt, deadline);
                            switch (delivery.state()) {
                                case FOUND -> {
                                    log.info("Slack {} failed ({}) but had taken effect; not repeating it",
                                            method, failure.error());
                                    return delivery.found();
                                }
                                case UNKNOWN -> throw new SlackCallFailed(method, "delivery_unknown", true, null,
                                        failure.cause());
                                case NOT_FOUND -> {
                                    maybeTookEffect = false;
                                    if (last) {
                                        throw failed(method, failure, false);
                                    }
                                    log.info("Slack {} failed ({}) and had not taken effect; repeating it",
                                            method, failure.error());
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** After a pause (as long as a backoff, so Slack can settle), checks whether an attempt took effect. */
    private <T extends SlackApiTextResponse> Delivery<T> lookForEarlierAttempts(Call<T> call, int attempt,
                                                                             Instant firstAttempt,
                                                                             long deadline) {
        sleep(call.method(), min(backoff.after(attempt), Duration.ofNanos(deadline - ticker.nanos())), true);
        return call.check().check(firstAttempt, deadline);
    }

    private void awaitTurn(String method, List<Pacer.Key> keys, long deadline, boolean maybeTookEffect) {
        for (Pacer.Key key : keys) {
            Pacer.Reservation reservation = pacer.reserve(key, deadline);
            if (!reservation.granted()) {
                throw new SlackCallFailed(method, "rate_limited", maybeTookEffect, reservation.delay(), null);
            }
            sleep(method, reservation.delay(), maybeTookEffect);
        }
    }

    private void pauseBeforeRetry(String method, AttemptFailure failure, int attempt, long deadline,
                                  boolean maybeTookEffect) {
        Duration pause = backoff.after(attempt);
        if (attempt >= maxAttempts || ticker.nanos() + pause.toNanos() - deadline > 0) {
            throw failed(method, failure, maybeTookEffect);
        }
        log.debug("Slack {} failed ({}, attempt {}), retrying in {} ms", method, failure.error(), attempt,
                pause.toMillis());
        sleep(method, pause, maybeTookEffect);
    }

    private void sleep(String method, Duration duration, boolean maybeTookEffect) {
        if (!duration.isPositive()) {
            return;
        }
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackCallFailed(method, "interrupted", maybeTookEffect, null, e);
        }
    }

    private static SlackCallFailed failed(String method, AttemptFailure failure, boolean maybeTookEffect) {
        Duration retryAfter = failure.kind() == AttemptFailure.Kind.RATE_LIMITED ? failure.retryAfter() : null;
        String error = failure.kind() == AttemptFailure.Kind.RATE_LIMITED ? "rate_limited" : failure.error();
        return new SlackCallFailed(method, error, maybeTookEffect, retryAfter, failure.cause());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
