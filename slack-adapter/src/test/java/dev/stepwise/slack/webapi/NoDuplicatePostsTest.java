package dev.stepwise.slack.webapi;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.stepwise.slack.webapi.WireMockSlack.TOKEN;
import static dev.stepwise.slack.webapi.WireMockSlack.form;
import static dev.stepwise.slack.webapi.WireMockSlack.json;
import static dev.stepwise.slack.webapi.WireMockSlack.jsonOf;
import static dev.stepwise.slack.webapi.WireMockSlack.method;
import static dev.stepwise.slack.webapi.WireMockSlack.ok;
import static dev.stepwise.slack.webapi.WireMockSlack.slackError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** After an ambiguous failure chat.postMessage looks for its message before posting again. */
class NoDuplicatePostsTest extends WebApiTest {

    private static final String POSTED = "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000900\"}";

    @Test
    void aPostThatFailedWith500ButWentThroughIsNotPostedAgain() {
        Instant before = clock.instant();
        slack.stub("chat.postMessage", json(500, "{\"ok\":false,\"error\":\"internal_error\"}")
                .withTransformers(PostedMessages.NAME));
        slack.stub("conversations.history", ok("{}").withTransformers(PostedMessages.NAME));

        String ts = api.postMessage(TOKEN, "C1", null, "Feedback for you", null);

        assertThat(ts).isEqualTo(PostedMessages.STORED_TS);
        assertThat(slack.requests("chat.postMessage")).hasSize(1);
        LoggedRequest lookup = slack.requests("conversations.history").getFirst();
        assertThat(lookup.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(form(lookup, "channel")).isEqualTo("C1");
        assertThat(form(lookup, "include_all_metadata")).isEqualTo("1");
        assertThat(Integer.parseInt(form(lookup, "limit"))).isBetween(1, 100);
        BigDecimal oldest = new BigDecimal(form(lookup, "oldest"));
        assertThat(oldest).isLessThan(seconds(before)).isGreaterThan(seconds(before.minus(Duration.ofMinutes(2))));
        assertThat(api.counters().counts("chat.postMessage")).isEqualTo(new SlackCallCounters.Counts(1, 0, 0));
    }

    @Test
    void aPostThatFailedWith500AndDidNotGoThroughIsPostedOnceMoreWithTheSameId() {
        slack.server.stubFor(method("chat.postMessage").inScenario("post").whenScenarioStateIs(STARTED)
                .willReturn(json(500, "")).willSetStateTo("recovered"));
        slack.server.stubFor(method("chat.postMessage").inScenario("post").whenScenarioStateIs("recovered")
                .willReturn(ok(POSTED)));
        slack.stub("conversations.history", ok("""
                {"ok":true,"has_more":false,"pin_count":0,"messages":[
                  {"type":"message","user":"U1","text":"unrelated","ts":"1700000000.000500"},
                  {"type":"message","bot_id":"B0STEPWISE","text":"another post","ts":"1700000000.000400",
                   "metadata":{"event_type":"stepwise_message","event_payload":{"id":"someone-else"}}}]}"""));

        String ts = api.postMessage(TOKEN, "C1", null, "Feedback for you", null);

        assertThat(ts).isEqualTo("1700000000.000900");
        List<LoggedRequest> posts = slack.requests("chat.postMessage");
        assertThat(posts).hasSize(2);
        assertThat(form(posts.get(1), "metadata")).isEqualTo(form(posts.get(0), "metadata"));
        assertThat(slack.requests("conversations.history")).hasSize(1);
        assertThat(api.counters().counts("chat.postMessage")).isEqualTo(new SlackCallCounters.Counts(1, 1, 0));
    }

    @Test
    void aThreadReplyIsLookedForAmongTheThreadsReplies() {
        slack.stub("chat.postMessage", json(502, "").withTransformers(PostedMessages.NAME));
        slack.stub("conversations.replies", ok("{}").withTransformers(PostedMessages.NAME));

        String ts = api.postMessage(TOKEN, "C1", "1700000000.000100", "reply", null);

        assertThat(ts).isEqualTo(PostedMessages.STORED_TS);
        assertThat(slack.requests("chat.postMessage")).hasSize(1);
        assertThat(slack.requests("conversations.history")).isEmpty();
        LoggedRequest lookup = slack.requests("conversations.replies").getFirst();
        assertThat(form(lookup, "ts")).isEqualTo("1700000000.000100");
        assertThat(form(lookup, "include_all_metadata")).isEqualTo("1");
    }

    @Test
    void aReadTimeoutAfterThePostWentThroughDoesNotPostAgain() throws Exception {
        SlackWebApi.Settings fast = slack.settings();
        try (SlackWebApi impatient = new SlackWebApi(new SlackWebApi.Settings(fast.apiUrl(), fast.maxRetryWait(),
                fast.maxAttempts(), fast.initialBackoff(), fast.maxBackoff(), Duration.ofMillis(300),
                fast.pacing()), clock)) {
            slack.stub("chat.postMessage", ok(POSTED).withFixedDelay(1000).withTransformers(PostedMessages.NAME));
            slack.stub("conversations.history", ok("{}").withTransformers(PostedMessages.NAME));

            String ts = impatient.postMessage(TOKEN, "C1", null, "slow", null);

            assertThat(ts).isEqualTo(PostedMessages.STORED_TS);
            assertThat(slack.requests("chat.postMessage")).hasSize(1);
        }
    }

    @Test
    void whenTheLookUpFailsNothingIsPostedAgainAndTheCallerIsTold() {
        slack.stub("chat.postMessage", json(500, ""));
        slack.stub("conversations.history", ok("""
                {"ok":false,"error":"missing_scope","needed":"channels:history","provided":"chat:write"}"""));

        SlackCallFailed failure = catchThrowableOfType(SlackCallFailed.class,
                () -> api.postMessage(TOKEN, "C1", null, "hi", null));

        assertThat(failure.error()).isEqualTo("delivery_unknown");
        assertThat(failure.mayHaveTakenEffect()).isTrue();
        assertThat(slack.requests("chat.postMessage")).hasSize(1);
        FinalFailuresTest.assertNoToken(failure);
    }

    @Test
    void whenTheMessageMayBeBeyondTheLookedAtPagesNothingIsPostedAgain() {
        slack.stub("chat.postMessage", json(500, ""));
        slack.stub("conversations.history", ok("""
                {"ok":true,"has_more":true,"messages":[{"type":"message","text":"busy","ts":"1700000000.000500"}],
                 "response_metadata":{"next_cursor":"bmV4dA=="}}"""));

        SlackCallFailed failure = catchThrowableOfType(SlackCallFailed.class,
                () -> api.postMessage(TOKEN, "C1", null, "hi", null));

        assertThat(failure.error()).isEqualTo("delivery_unknown");
        assertThat(slack.requests("chat.postMessage")).hasSize(1);
        List<LoggedRequest> lookups = slack.requests("conversations.history");
        assertThat(lookups).hasSizeGreaterThan(1);
        assertThat(form(lookups.get(1), "cursor")).isEqualTo("bmV4dA==");
    }

    @Test
    void whenEveryAttemptFailsAndNoneWentThroughTheCallerIsToldItDidNot() {
        slack.stub("chat.postMessage", json(500, "{\"ok\":false,\"error\":\"internal_error\"}"));
        slack.stub("conversations.history", ok("{\"ok\":true,\"has_more\":false,\"messages\":[]}"));

        SlackCallFailed failure = catchThrowableOfType(SlackCallFailed.class,
                () -> api.postMessage(TOKEN, "C1", null, "hi", null));

        assertThat(failure.error()).isEqualTo("internal_error");
        assertThat(failure.mayHaveTakenEffect()).isFalse();
        assertThat(slack.requests("chat.postMessage")).hasSize(3);
        assertThat(slack.requests("conversations.history")).hasSize(3);
    }

    @Test
    void a429OnAPostIsRetriedWithoutALookUp() {
        slack.server.stubFor(method("chat.postMessage").inScenario("post").whenScenarioStateIs(STARTED)
                .willReturn(json(429, "{\"ok\":false,\"error\":\"ratelimited\"}").withHeader("Retry-After", "0"))
                .willSetStateTo("ok"));
        slack.server.stubFor(method("chat.postMessage").inScenario("post").whenScenarioStateIs("ok")
                .willReturn(ok(POSTED)));

        assertThat(api.postMessage(TOKEN, "C1", null, "hi", null)).isEqualTo("1700000000.000900");
        assertThat(slack.requests("chat.postMessage")).hasSize(2);
        assertThat(slack.requests("conversations.history")).isEmpty();
        assertThat(api.counters().rateLimited("chat.postMessage")).isEqualTo(1);
    }

    @Test
    void aFinalErrorOnAPostNeedsNoLookUp() {
        slack.stub("chat.postMessage", slackError("not_in_channel"));

        SlackCallFailed failure = catchThrowableOfType(SlackCallFailed.class,
                () -> api.postMessage(TOKEN, "C1", null, "hi", null));

        assertThat(failure.error()).isEqualTo("not_in_channel");
        assertThat(slack.requests("conversations.history")).isEmpty();
        assertThat(jsonOf(form(slack.requests("chat.postMessage").getFirst(), "metadata")).isJsonObject()).isTrue();
    }

    private static BigDecimal seconds(Instant instant) {
        return new BigDecimal(instant.getEpochSecond() + "." + String.format("%09d", instant.getNano()));
    }
}
