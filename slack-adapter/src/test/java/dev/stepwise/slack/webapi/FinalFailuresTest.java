package dev.stepwise.slack.webapi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.function.Consumer;

import static dev.stepwise.slack.webapi.WireMockSlack.TOKEN;
import static dev.stepwise.slack.webapi.WireMockSlack.json;
import static dev.stepwise.slack.webapi.WireMockSlack.slackError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Failures Slack means: thrown at once as {@link SlackCallFailed}, never retried, never showing the token. */
class FinalFailuresTest extends WebApiTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "chat.postMessage, channel_not_found",
            "chat.postMessage, not_in_channel",
            "chat.postMessage, invalid_auth",
            "chat.postMessage, account_inactive",
            "chat.update, cant_update_message",
            "conversations.open, user_not_found",
            "views.open, expired_trigger_id",
            "users.info, invalid_auth",
    })
    void finalErrorsAreThrownWithTheCodeAndNotRetried(String method, String error) {
        slack.stub(method, slackError(error));

        SlackCallFailed failure = catchThrowableOfType(SlackCallFailed.class, () -> call(method));

        assertThat(failure.method()).isEqualTo(method);
        assertThat(failure.error()).isEqualTo(error);
        assertThat(failure.mayHaveTakenEffect()).isFalse();
        assertThat(failure.retryAfter()).isEmpty();
        assertThat(slack.requests(method)).hasSize(1);
        assertThat(slack.requests("conversations.history")).isEmpty();
        assertThat(api.counters().counts(method)).isEqualTo(new SlackCallCounters.Counts(1, 0, 0));
        assertNoToken(failure);
    }

    @Test
    void anHttpClientErrorWithoutSlackCodeIsFinalAndNamedByStatus() {
        slack.stub("users.info", json(404, "<html>Not Found</html>"));

        SlackCallFailed failure = catchThrowableOfType(SlackCallFailed.class, () -> api.userInfo(TOKEN, "U1"));

        assertThat(failure.error()).isEqualTo("http_404");
        assertThat(slack.requests("users.info")).hasSize(1);
        assertNoToken(failure);
    }

    @Test
    void aRefusedConnectionNeverReachedSlackSoEvenViewsOpenIsRetried() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SlackWebApi.Settings settings = slack.settings();
        try (SlackWebApi nowhere = new SlackWebApi(new SlackWebApi.Settings("http://localhost:" + closedPort + "/api/",
                settings.maxRetryWait(), settings.maxAttempts(), settings.initialBackoff(), settings.maxBackoff(),
                settings.httpTimeout(), settings.pacing()), clock)) {

            SlackCallFailed failure = catchThrowableOfType(SlackCallFailed.class,
                    () -> nowhere.openView(TOKEN, "trigger-1", SlackWebApiCallsTest.modal("Hi")));

            assertThat(failure.error()).isEqualTo("connection_failed");
            assertThat(failure.mayHaveTakenEffect()).isFalse();
            assertThat(failure.getCause()).isInstanceOf(IOException.class);
            assertThat(nowhere.counters().counts("views.open")).isEqualTo(new SlackCallCounters.Counts(1, 2, 0));
            assertNoToken(failure);
        }
    }

    @Test
    void theTokenIsInNoExceptionEvenAfterRetriesAndRateLimits() {
        slack.stub("users.info", json(500, "{\"ok\":false,\"error\":\"internal_error\"}"));
        slack.stub("conversations.open", json(429, "{\"ok\":false,\"error\":\"ratelimited\"}")
                .withHeader("Retry-After", "120"));

        SlackCallFailed exhausted = catchThrowableOfType(SlackCallFailed.class, () -> api.userInfo(TOKEN, "U1"));
        SlackCallFailed limited = catchThrowableOfType(SlackCallFailed.class, () -> api.openDm(TOKEN, "U1"));

        assertThat(exhausted.error()).isEqualTo("internal_error");
        assertThat(limited.error()).isEqualTo("rate_limited");
        assertNoToken(exhausted);
        assertNoToken(limited);
    }

    @Test
    void aBlankTokenIsRefusedBeforeAnyCall() {
        IllegalArgumentException failure = catchThrowableOfType(IllegalArgumentException.class,
                () -> api.openDm(" ", "U1"));

        assertThat(failure).hasMessageContaining("token");
        assertThat(slack.server.getAllServeEvents()).isEmpty();
    }

    private void call(String method) {
        Consumer<SlackWebApi> call = switch (method) {
            case "chat.postMessage" -> a -> a.postMessage(TOKEN, "C1", null, "hi", null);
            case "chat.update" -> a -> a.updateMessage(TOKEN, "C1", "1700000000.000100", "hi", null);
            case "conversations.open" -> a -> a.openDm(TOKEN, "U1");
            case "views.open" -> a -> a.openView(TOKEN, "trigger-1", SlackWebApiCallsTest.modal("Hi"));
            case "users.info" -> a -> a.userInfo(TOKEN, "U1");
            default -> throw new IllegalArgumentException(method);
        };
        call.accept(api);
    }

    static void assertNoToken(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).contains(((SlackCallFailed) failure).method()).doesNotContain(TOKEN)
                .doesNotContain("NotARealToken");
        assertThat(failure.toString()).doesNotContain(TOKEN);
    }
}
