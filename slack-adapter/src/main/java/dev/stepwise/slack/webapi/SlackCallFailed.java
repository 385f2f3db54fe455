package dev.stepwise.slack.webapi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A Slack Web API call that will not succeed by retrying it here: either Slack's final answer ({@code ok:false}
 * with an error such as {@code channel_not_found}, {@code not_in_channel}, {@code invalid_auth},
 * {@code account_inactive}, {@code expired_trigger_id}), or a transient failure that outlived the retry budget.
 *
 * <p>{@link #error()} is Slack's error code, or one of this package's own codes:
 * {@code rate_limited} (waiting for the rate limit would exceed the wait budget; see {@link #retryAfter()}),
 * {@code delivery_unknown} (a message post may or may not have been delivered and that could not be checked),
 * {@code http_<status>} (an HTTP error without a Slack error code), {@code connection_failed}, {@code timeout},
 * {@code io_error}, {@code unexpected_response} and {@code interrupted}.
 *
 * <p>The message names the method and the error, never the token.
 */
public final class SlackCallFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String method;
    private final String error;
    private final boolean mayHaveTakenEffect;
    private final Duration retryAfter;

    /**
     * @param mayHaveTakenEffect whether Slack may have carried the call out even though it failed here
     * @param retryAfter how long Slack (or the pacer) asked to wait before the next call, or {@code null}
     */
    public SlackCallFailed(String method, String error, boolean mayHaveTakenEffect, Duration retryAfter,
                           Throwable cause) {
        super("Slack " + method + " failed: " + error
                + (mayHaveTakenEffect ? " (the call may have taken effect)" : "")
                + (retryAfter != null ? " (retry after " + retryAfter.toMillis() + " ms)" : ""), cause);
        this.method = Objects.requireNonNull(method, "method");
        this.error = Objects.requireNonNull(error, "error");
        this.mayHaveTakenEffect = mayHaveTakenEffect;
        this.retryAfter = retryAfter;
    }

    /** The Web API method, e.g. {@code chat.postMessage}. */
    public String method() {
        return method;
    }

    /** Slack's error code (e.g. {@code channel_not_found}) or one of the codes listed on this class. */
    public String error() {
        return error;
    }

    /**
     * Whether Slack may have carried the call out despite the failure (an ambiguous failure that could not be
     * resolved). Callers must not blindly repeat a non-idempotent call when this is {@code true}.
     */
    public boolean mayHaveTakenEffect() {
        return mayHaveTakenEffect;
    }

    /** For {@code rate_limited}: how long to wait before calling this method again. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
