package dev.stepwise.slack.webapi;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.stepwise.slack.webapi.AttemptFailure.Kind.AMBIGUOUS;
import static dev.stepwise.slack.webapi.AttemptFailure.Kind.FINAL;
import static dev.stepwise.slack.webapi.AttemptFailure.Kind.NOT_SENT;
import static dev.stepwise.slack.webapi.AttemptFailure.Kind.RATE_LIMITED;
import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are final, rate limits, surely unsent or ambiguous. */
class AttemptFailureTest {

    @ParameterizedTest
    @ValueSource(strings = {"channel_not_found", "not_in_channel", "invalid_auth", "account_inactive",
            "expired_trigger_id", "missing_scope", "msg_too_long"})
    void slackErrorsAreFinal(String error) {
        assertThat(AttemptFailure.of(okFalse(error, Map.of())))
                .isEqualTo(new AttemptFailure(FINAL, error, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"internal_error", "fatal_error", "service_unavailable", "request_timeout"})
    void transientSlackErrorsAreAmbiguous(String error) {
        assertThat(AttemptFailure.of(okFalse(error, Map.of())).kind()).isEqualTo(AMBIGUOUS);
    }

    @Test
    void ratelimitedInABodyIsARateLimit() {
        AttemptFailure failure = AttemptFailure.of(okFalse("ratelimited", Map.of("retry-after", List.of("7"))));

        assertThat(failure.kind()).isEqualTo(RATE_LIMITED);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void http429IsARateLimitForRetryAfterSeconds() {
        AttemptFailure failure = AttemptFailure.of(httpError(429, "{\"ok\":false,\"error\":\"ratelimited\"}", "3"));

        assertThat(failure.kind()).isEqualTo(RATE_LIMITED);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aMissingOrGarbledRetryAfterMeansOneSecond() {
        assertThat(AttemptFailure.of(httpError(429, "", null)).retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(AttemptFailure.parseRetryAfter("soon")).isEqualTo(Duration.ofSeconds(1));
        assertThat(AttemptFailure.parseRetryAfter(" 2 ")).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void serverErrorsAreAmbiguousAndNamedBySlacksCodeOrTheStatus() {
        assertThat(AttemptFailure.of(httpError(500, "{\"ok\":false,\"error\":\"internal_error\"}", null)))
                .extracting(AttemptFailure::kind, AttemptFailure::error).containsExactly(AMBIGUOUS, "internal_error");
        assertThat(AttemptFailure.of(httpError(503, "<html>upstream</html>", null)))
                .extracting(AttemptFailure::kind, AttemptFailure::error).containsExactly(AMBIGUOUS, "http_503");
    }

    @Test
    void otherHttpErrorsAreFinal() {
        assertThat(AttemptFailure.of(httpError(400, "", null)).kind()).isEqualTo(FINAL);
        assertThat(AttemptFailure.of(httpError(410, "{\"ok\":false,\"error\":\"method_deprecated\"}", null)))
                .extracting(AttemptFailure::kind, AttemptFailure::error).containsExactly(FINAL, "method_deprecated");
    }

    @Test
    void failuresToConnectNeverReachedSlack() {
        for (IOException e : List.of(new ConnectException("Connection refused"), new NoRouteToHostException(),
                new UnknownHostException("slack.com"))) {
            assertThat(AttemptFailure.of(e).kind()).as(e.getClass().getSimpleName()).isEqualTo(NOT_SENT);
        }
    }

    @Test
    void timeoutsAndBrokenConnectionsMayHaveReachedSlack() {
        assertThat(AttemptFailure.of(new SocketTimeoutException("timeout")))
                .extracting(AttemptFailure::kind, AttemptFailure::error).containsExactly(AMBIGUOUS, "timeout");
        assertThat(AttemptFailure.of(new EOFException("unexpected end of stream")))
                .extracting(AttemptFailure::kind, AttemptFailure::error).containsExactly(AMBIGUOUS, "io_error");
    }

    private static ChatPostMessageResponse okFalse(String error, Map<String, List<String>> headers) {
        ChatPostMessageResponse response = new ChatPostMessageResponse();
        response.setOk(false);
        response.setError(error);
        response.setHttpResponseHeaders(headers);
        return response;
    }

    private static SlackApiException httpError(int status, String body, String retryAfter) {
        Response.Builder response = new Response.Builder()
                .request(new Request.Builder().url("https://slack.com/api/chat.postMessage").build())
                .protocol(Protocol.HTTP_1_1)
                .code(status)
                .message("status " + status)
                .body(ResponseBody.create(body, MediaType.parse("application/json")));
        if (retryAfter != null) {
            response.header("Retry-After", retryAfter);
        }
        return new SlackApiException(response.build(), body);
    }
}
