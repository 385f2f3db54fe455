package dev.stepwise.slack.webapi;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.stepwise.slack.webapi.WireMockSlack.TOKEN;
import static dev.stepwise.slack.webapi.WireMockSlack.json;
import static dev.stepwise.slack.webapi.WireMockSlack.method;
import static dev.stepwise.slack.webapi.WireMockSlack.millisBetween;
import static dev.stepwise.slack.webapi.WireMockSlack.ok;
import static dev.stepwise.slack.webapi.WireMockSlack.slackError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** 429s, 5xx and other transient failures: waited out, retried with backoff, or refused where unsafe. */
class RetriesTest extends WebApiTest {

    private static final String USER_JSON = """
            {"ok":true,"user":{"id":"U1","real_name":"Ama","tz":"Europe/London","profile":{"email":"ama@x.example"}}}""";

    /** Each answer in turn, then the last one for ever. */
    private void answerInTurn(String slackMethod, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... answers) {
        for (int i = 0; i < answers.length; i++) {
            slack.server.stubFor(method(slackMethod).inScenario(slackMethod)
                    .whenScenarioStateIs(i == 0 ? STARTED : "answer " + i)
                    .willReturn(answers[i])
                    .willSetStateTo("answer " + Math.min(i + 1, answers.length - 1)));
        }
    }

    @Test
    void a429IsRetriedOnceAfterRetryAfter() {
        answerInTurn("users.info",
                json(429, "{\"ok\":false,\"error\":\"ratelimited\"}").withHeader("Retry-After", "1"),
                ok(USER_JSON));

        SlackUser user = api.userInfo(TOKEN, "U1");

        assertThat(user.email()).isEqualTo("ama@x.example");
        List<LoggedRequest> requests = slack.requests("users.info");
        assertThat(requests).hasSize(2);
        assertThat(millisBetween(requests.get(0), requests.get(1))).isBetween(990L, 1900L);
        assertThat(api.counters().counts("users.info")).isEqualTo(new SlackCallCounters.Counts(1, 1, 1));
    }

    @Test
    void a429HoldsTheMethodBackForOtherCallersButNotOtherMethods() throws Exception {
        answerInTurn("users.info",
                json(429, "{\"ok\":false,\"error\":\"ratelimited\"}").withHeader("Retry-After", "1"),
                ok(USER_JSON));
        slack.stub("conversations.open", ok("{\"ok\":true,\"channel\":{\"id\":\"D1\"}}"));

        CompletableFuture<SlackUser> first = CompletableFuture.supplyAsync(() -> api.userInfo(TOKEN, "U1"));
        waitUntil(() -> api.counters().rateLimited("users.info") == 1);
        long otherMethodStart = System.nanoTime();
        api.openDm(TOKEN, "U2");
        long otherMethodMillis = (System.nanoTime() - otherMethodStart) / 1_000_000;
        SlackUser second = api.userInfo(TOKEN, "U2");

        assertThat(first.get(5, TimeUnit.SECONDS).id()).isEqualTo("U1");
        assertThat(second.id()).isEqualTo("U1");
        List<LoggedRequest> requests = slack.requests("users.info");
        assertThat(requests).hasSize(3);
        LoggedRequest limited = requests.getFirst();
        LoggedRequest concurrent = requests.stream().filter(r -> "U2".equals(WireMockSlack.form(r, "user")))
                .findFirst().orElseThrow();
        assertThat(millisBetween(limited, concurrent)).isGreaterThanOrEqualTo(990L);
        assertThat(otherMethodMillis).isLessThan(500L);
        assertThat(api.counters().counts("users.info")).isEqualTo(new SlackCallCounters.Counts(2, 1, 1));
    }

    @Test
    void aRetryAfterBeyondTheWaitBudgetFailsFastForThisAndLaterCallers() {
        slack.stub("users.info", json(429, "{\"ok\":false,\"error\":\"ratelimited\"}").withHeader("Retry-After", "30"));

        long start = System.nanoTime();
        SlackCallFailed failure = catchThrowableOfType(SlackCallFailed.class, () -> api.userInfo(TOKEN, "U1"));
        SlackCallFailed later = catchThrowableOfType(SlackCallFailed.class, () -> api.userInfo(TOKEN, "U2"));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(failure.error()).isEqualTo("rate_limited");
        assertThat(failure.retryAfter()).hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofSeconds(29)));
        assertThat(later.error()).isEqualTo("rate_limited");
        assertThat(later.retryAfter()).hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofSeconds(28)));
        assertThat(slack.requests("users.info")).hasSize(1);
        assertThat(elapsedMillis).isLessThan(1000L);
    }

    @Test
    void anotherWorkspaceIsNotHeldBackByA429() {
        slack.stub("users.info", json(429, "{\"ok\":false,\"error\":\"ratelimited\"}").withHeader("Retry-After", "30"));
        catchThrowableOfType(SlackCallFailed.class, () -> api.userInfo(TOKEN, "U1"));
        slack.stub("users.info", ok(USER_JSON));

        assertThat(api.userInfo("xoxb-other-workspace", "U1").id()).isEqualTo("U1");
        assertThat(slack.requests("users.info")).hasSize(2);
    }

    @Test
    void serverErrorsOnAnIdempotentMethodAreRetriedWithGrowingBackoff() {
        answerInTurn("users.info",
                json(500, "{\"ok\":false,\"error\":\"internal_error\"}"),
                json(503, ""),
                ok(USER_JSON));

        assertThat(api.userInfo(TOKEN, "U1").id()).isEqualTo("U1");

        List<LoggedRequest> requests = slack.requests("users.info");
        assertThat(requests).hasSize(3);
        // initial backoff 100 ms with equal jitter: 50–100 ms, then 100–200 ms
        assertThat(millisBetween(requests.get(0), requests.get(1))).isBetween(45L, 400L);
        assertThat(millisBetween(requests.get(1), requests.get(2))).isBetween(95L, 600L);
        assertThat(api.counters().counts("users.info")).isEqualTo(new SlackCallCounters.Counts(1, 2, 0));
    }

    @Test
    void transientSlackErrorsOnIdempotentMethodsAreRetried() {
        answerInTurn("conversations.open", slackError("service_unavailable"),
                ok("{\"ok\":true,\"channel\":{\"id\":\"D1\"}}"));
        answerInTurn("views.publish", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                ok("{\"ok\":true,\"view\":{\"id\":\"V1\",\"type\":\"home\"}}"));

        assertThat(api.openDm(TOKEN, "U1")).isEqualTo("D1");
        assertThat(api.publishHome(TOKEN, "U1", com.slack.api.model.view.View.builder().type("home").build()).getId())
                .isEqualTo("V1");
        assertThat(slack.requests("conversations.open")).hasSize(2);
        assertThat(slack.requests("views.publish")).hasSize(2);
    }

    @Test
    void retriesStopAtMaxAttemptsWithTheLastError() {
        slack.stub("users.info", json(502, ""));

        SlackCallFailed failure = catchThrowableOfType(SlackCallFailed.class, () -> api.userInfo(TOKEN, "U1"));

        assertThat(failure.error()).isEqualTo("http_502");
        assertThat(failure.mayHaveTakenEffect()).isTrue();
        assertThat(slack.requests("users.info")).hasSize(3);
    }

    @Test
    void ambiguousFailuresOfUncheckableCallsAreNotRepeated() {
        slack.stub("views.open", json(500, "{\"ok\":false,\"error\":\"internal_error\"}"));
        slack.stub("chat.postEphemeral", json(503, ""));

        SlackCallFailed open = catchThrowableOfType(SlackCallFailed.class,
                () -> api.openView(TOKEN, "trigger-1", SlackWebApiCallsTest.modal("Hi")));
        SlackCallFailed ephemeral = catchThrowableOfType(SlackCallFailed.class,
                () -> api.postEphemeral(TOKEN, "C1", "U1", null, "psst", null));

        assertThat(open.error()).isEqualTo("internal_error");
        assertThat(open.mayHaveTakenEffect()).isTrue();
        assertThat(ephemeral.error()).isEqualTo("http_503");
        assertThat(ephemeral.mayHaveTakenEffect()).isTrue();
        assertThat(slack.requests("views.open")).hasSize(1);
        assertThat(slack.requests("chat.postEphemeral")).hasSize(1);
    }

    @Test
    void a429OnAnUncheckableCallIsStillRetriedBecauseSlackDidNotProcessIt() {
        answerInTurn("chat.postEphemeral",
                json(429, "{\"ok\":false,\"error\":\"ratelimited\"}").withHeader("Retry-After", "0"),
                ok("{\"ok\":true,\"message_ts\":\"1700000000.000400\"}"));

        assertThat(api.postEphemeral(TOKEN, "C1", "U1", null, "psst", null)).isEqualTo("1700000000.000400");
        assertThat(slack.requests("chat.postEphemeral")).hasSize(2);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in time");
            }
            Thread.sleep(5);
        }
    }
}
