package dev.stepwise.slack.webapi;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Why one attempt of a Web API call failed, and whether Slack may have carried it out. */
record AttemptFailure(Kind kind, String error, Duration retryAfter, Throwable cause) {

    enum Kind {
        /** Slack's answer; repeating the call would get the same one. */
        FINAL,
        /** Slack refused the call without processing it and said how long to wait. */
        RATE_LIMITED,
        /** The request surely never reached Slack (no connection); safe to repeat. */
        NOT_SENT,
        /** Transient, but Slack may have carried the call out (5xx, read timeout, {@code internal_error}…). */
        AMBIGUOUS
    }

    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    private static final Set<String> RATE_LIMIT_ERRORS = Set.of("ratelimited", "rate_limited");
    private static final Set<String> TRANSIENT_ERRORS =
            Set.of("internal_error", "fatal_error", "service_unavailable", "request_timeout");

    /** An {@code ok:false} answer (HTTP 200). */
    static AttemptFailure of(SlackApiTextResponse response) {
        String error = response.getError() == null ? "unknown_error" : response.getError();
        if (RATE_LIMIT_ERRORS.contains(error)) {
            return new AttemptFailure(Kind.RATE_LIMITED, error, retryAfter(response.getHttpResponseHeaders()), null);
        }
        Kind kind = TRANSIENT_ERRORS.contains(error) ? Kind.AMBIGUOUS : Kind.FINAL;
        return new AttemptFailure(kind, error, null, null);
    }

    /** A non-2xx HTTP answer. */
    static AttemptFailure of(SlackApiException e) {
        int status = e.getResponse().code();
        String error = e.getError() != null && e.getError().getError() != null
                ? e.getError().getError() : "http_" + status;
        if (status == 429) {
            String header = e.getResponse().header("Retry-After");
            return new AttemptFailure(Kind.RATE_LIMITED, error, parseRetryAfter(header), e);
        }
        return new AttemptFailure(status >= 500 ? Kind.AMBIGUOUS : Kind.FINAL, error, null, e);
    }

    /** No HTTP answer at all. */
    static AttemptFailure of(IOException e) {
        if (e instanceof ConnectException || e instanceof NoRouteToHostException
                || e instanceof UnknownHostException) {
            return new AttemptFailure(Kind.NOT_SENT, "connection_failed", null, e);
        }
        String error = e instanceof SocketTimeoutException ? "timeout" : "io_error";
        return new AttemptFailure(Kind.AMBIGUOUS, error, null, e);
    }

    private static Duration retryAfter(Map<String, List<String>> headers) {
        if (headers == null) {
            return DEFAULT_RETRY_AFTER;
        }
        List<String> values = headers.get("retry-after");
        return parseRetryAfter(values == null || values.isEmpty() ? null : values.getFirst());
    }

    static Duration parseRetryAfter(String header) {
        if (header == null) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            double seconds = Double.parseDouble(header.trim());
            return seconds >= 0 ? Duration.ofMillis(Math.round(seconds * 1000)) : DEFAULT_RETRY_AFTER;
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
        }
    }
}
