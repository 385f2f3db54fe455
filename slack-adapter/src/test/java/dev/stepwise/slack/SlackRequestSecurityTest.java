package dev.stepwise.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.SlackSignature;
import dev.stepwise.core.testing.CoreTestContext;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Only requests signed by Slack, within the replay window, reach Bolt: everything else is refused with a friendly
 * JSON error before anything is parsed, answered or stored. Each forged request is a variant of one real DM.
 */
class SlackRequestSecurityTest extends SlackAdapterTest {

    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String ANOTHER_SECRET = "0123456789abcdef0123456789abcdef";
    private static final Duration SIX_MINUTES = Duration.ofMinutes(6);

    @Autowired
    StatefulRedisConnection<String, String> redis;

    private String eventId;
    private String dm;

    @BeforeEach
    void aDirectMessageFromPriya() {
        eventId = SlackPayloads.newEventId();
        dm = payloads.directMessage(eventId, slackUser("priya"), "D0PRIYA", "give feedback to Ben: great demo");
    }

    @Test
    void aCorrectlySignedDirectMessageIsAcceptedAnsweredAndRemembered() {
        HttpResponse<String> response = send(dm, JSON, now(), SignedRequests.SIGNING_SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        awaitCall("chat.postMessage", c -> "D0PRIYA".equals(c.get("channel")));
        // The same probes the refusals rely on do see a request that got through.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(eventRemembered()).isTrue();
            assertThat(conversationStates()).isNotZero();
        });
    }

    @Test
    void aRequestWithoutASignatureIsRefused() {
        assertRefusedAndIgnored(send(dm, JSON, headers(now(), null)), 401);
    }

    @Test
    void aRequestWithoutATimestampIsRefused() {
        String signature = sign(SignedRequests.SIGNING_SECRET, now(), dm);
        assertRefusedAndIgnored(send(dm, JSON, headers(null, signature)), 401);
    }

    @Test
    void aRequestWithNeitherSignatureNorTimestampIsRefused() {
        assertRefusedAndIgnored(send(dm, JSON, headers(null, null)), 401);
    }

    @Test
    void aRequestSignedWithAnotherSecretIsRefused() {
        assertRefusedAndIgnored(send(dm, JSON, now(), ANOTHER_SECRET), 401);
    }

    @Test
    void aBodyAlteredByOneCharacterAfterSigningIsRefused() {
        String timestamp = now();
        String signature = sign(SignedRequests.SIGNING_SECRET, timestamp, dm);
        String altered = dm.replace("great demo", "great demO");
        assertThat(altered).isNotEqualTo(dm).hasSameSizeAs(dm);

        assertRefusedAndIgnored(send(altered, JSON, headers(timestamp, signature)), 401);
    }

    @Test
    void aCorrectlySignedRequestSixMinutesOldIsRefusedAsAReplay() {
        String old = Long.toString(clock.instant().minus(SIX_MINUTES).getEpochSecond());
        assertRefusedAndIgnored(send(dm, JSON, old, SignedRequests.SIGNING_SECRET), 401);
    }

    @Test
    void theReplayWindowIsReadOnTheApplicationsClock() {
        String signedNow = now();
        clock.advance(SIX_MINUTES);
        assertRefusedAndIgnored(send(dm, JSON, signedNow, SignedRequests.SIGNING_SECRET), 401);
    }

    @Test
    void aCorrectlySignedRequestSixMinutesInTheFutureIsRefused() {
        String future = Long.toString(clock.instant().plus(SIX_MINUTES).getEpochSecond());
        assertRefusedAndIgnored(send(dm, JSON, future, SignedRequests.SIGNING_SECRET), 401);
    }

    @Test
    void aNonNumericTimestampIsRefusedEvenWhenTheSignatureCoversIt() {
        assertRefusedAndIgnored(send(dm, JSON, "yesterday", SignedRequests.SIGNING_SECRET), 401);
    }

    @Test
    void aSignedButTruncatedJsonBodyIsABadRequest() {
        assertRefusedAndIgnored(send("{\"type\": \"event_callback\", \"event\": ", JSON, now(), SignedRequests.SIGNING_SECRET), 400);
    }

    @Test
    void aSignedFormWhosePayloadIsNotJsonIsABadRequest() {
        assertRefusedAndIgnored(send("payload=%7Bnot-json", FORM, now(), SignedRequests.SIGNING_SECRET), 400);
    }

    @Test
    void aSignedEmptyBodyIsABadRequest() {
        assertRefusedAndIgnored(send("", JSON, now(), SignedRequests.SIGNING_SECRET), 400);
    }

    @Test
    void aGetOfTheRequestUrlIsACleanClientError() {
        for (String accept : new String[] {"application/json", "text/html", "*/*"}) {
            HttpResponse<String> response = slack.raw(HttpRequest.newBuilder(requestUrl()).header("Accept", accept).GET().build());

            assertThat(response.statusCode()).as("GET with Accept %s", accept).isBetween(400, 499);
            assertNoStackTraceIn(response.body());
        }
        assertThat(webApiCalls()).isZero();
    }

    /** The refusal is friendly JSON without internals, and nothing happens: no Web API call, no state, no feedback. */
    private void assertRefusedAndIgnored(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
        JsonObject error = JsonParser.parseString(response.body()).getAsJsonObject();
        assertThat(error.get("error").getAsString()).isNotBlank();
        assertNoStackTraceIn(response.body());

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(SlackRequestSecurityTest::webApiCalls, count -> count == 0);
        assertThat(eventRemembered()).as("the event id reached the core").isFalse();
        assertThat(conversationStates()).as("conversation state kept in Redis").isZero();
        assertThat(CoreTestContext.bean(JdbcClient.class).sql("select count(*) from feedback_items where organisation_id = ?")
                .param(org.id()).query(Integer.class).single()).as("feedback stored").isZero();
    }

    private static void assertNoStackTraceIn(String body) {
        assertThat(body).doesNotContainPattern("\\w+(Exception|Error)\\b").doesNotContain("\tat ", ".java:",
                "dev.stepwise", "com.slack", "org.springframework", "\"trace\"");
    }

    /**
     * Web API calls a request could cause: all but auth.test (Bolt checks its token) and apps.connections.open
     * (a Socket Mode client of another test's application, still cached in this JVM, reconnecting).
     */
    private static long webApiCalls() {
        return SlackStandIn.server().findAll(postRequestedFor(anyUrl())).stream()
                .map(request -> request.getUrl())
                .filter(url -> !url.equals("/api/auth.test") && !url.equals("/api/apps.connections.open"))
                .count();
    }

    private boolean eventRemembered() {
        return redis.sync().exists("stepwise:event:slack:" + eventId) > 0;
    }

    private int conversationStates() {
        return redis.sync().keys("stepwise:conversation:slack:" + org.id() + ":*").size();
    }

    private HttpResponse<String> send(String body, String contentType, String timestamp, String secret) {
        return send(body, contentType, headers(timestamp, sign(secret, timestamp, body)));
    }

    private HttpResponse<String> send(String body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(requestUrl()).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return slack.raw(request.build());
    }

    private static Map<String, String> headers(String timestamp, String signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (timestamp != null) {
            headers.put("X-Slack-Request-Timestamp", timestamp);
        }
        if (signature != null) {
            headers.put("X-Slack-Signature", signature);
        }
        return headers;
    }

    private static String sign(String secret, String timestamp, String body) {
        return new SlackSignature.Generator(secret).generate(timestamp, body);
    }

    private String now() {
        return Long.toString(slack.now());
    }

    private URI requestUrl() {
        return URI.create("http://127.0.0.1:" + port + "/slack/events");
    }
}
