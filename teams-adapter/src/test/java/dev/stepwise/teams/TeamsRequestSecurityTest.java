package dev.stepwise.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stepwise.teams.TeamsPayloads.User;
import dev.stepwise.teams.auth.BotFrameworkTokenMinter;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Only activities the Bot Connector sent, with a token for this bot and this activity, are worked on: everything
 * else is refused with a friendly JSON error (401, 403 for a key not endorsed for Teams, 400 for a body that isn't
 * an activity, 413 for one too large) and nothing happens: no answer, no conversation kept, no turn taken. Each
 * forged request carries one real personal message that, with a valid token, is answered and remembered.
 * <p>
 * This class has its own application context (the property below only sets the default), so that its cache of the
 * Bot Framework's keys is fetched first while the stand-in publishes the webchat-only key too: a key id it has
 * never seen is only looked up once a minute, and the unknown-key test may just have done that.
 */
@TestPropertySource(properties = "stepwise.teams.clock-skew=5m")
class TeamsRequestSecurityTest extends TeamsAdapterTest {

    /** A real Bot Framework key, but endorsed only for Web Chat. */
    private static final BotFrameworkTokenMinter.Key WEBCHAT_ONLY =
            BotFrameworkTokenMinter.newKey("kid-webchat-" + UUID.randomUUID(), "webchat");
    private static final String ELSEWHERE = "https://smba.trafficmanager.net/emea/";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StatefulRedisConnection<String, String> redis;

    @Autowired
    @Qualifier("teamsWorkers")
    ExecutorService teamsWorkers;

    private User ben;
    private String message;

    @BeforeEach
    void aPersonalMessageFromBen() {
        minter().publish(minter().key(), WEBCHAT_ONLY);
        ben = user("ben");
        message = teams.message(ben, "my goals");
    }

    @AfterEach
    void leaveNothingRunning() {
        ThreadPoolExecutor workers = (ThreadPoolExecutor) teamsWorkers;
        await().atMost(Duration.ofSeconds(15)).until(() -> workers.getActiveCount() == 0 && workers.getQueue().isEmpty());
        minter().publish(minter().key());
    }

    @Test
    void theMessageWithAValidTokenIsAnsweredAndRemembered() {
        HttpResponse<String> response = post(message, valid().bearer());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(awaitSent(ben.personalChat(), sent -> true).texts()).contains("Ship onboarding v2");
        // The same probes the refusals rely on do see an activity that got through.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(botConnectorCallsFor(message)).isNotZero();
            assertThat(conversationKept(message)).isTrue();
            assertThat(turnTaken(message)).isTrue();
        });
    }

    @Test
    void aRequestWithoutAnAuthorizationHeaderIsRefused() {
        assertRefusedAndIgnored(post(message, null), 401, message);
    }

    @Test
    void aBasicAuthorizationIsRefused() {
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (TeamsStandIn.APP_ID + ":" + TeamsStandIn.APP_PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertRefusedAndIgnored(post(message, basic), 401, message);
    }

    @Test
    void aBearerThatIsNoTokenIsRefused() {
        assertRefusedAndIgnored(post(message, "Bearer this-is-not-a-jwt"), 401, message);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        assertRefusedAndIgnored(post(message, "Bearer " + valid().unsecuredToken()), 401, message);
    }

    @Test
    void aTokenSignedHs256WithThePublicKeyIsRefused() {
        String forged = valid().hs256Token(minter().key().publicKeyPem().getBytes(StandardCharsets.UTF_8));
        assertRefusedAndIgnored(post(message, "Bearer " + forged), 401, message);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        String otherIssuer = valid().issuer("https://sts.windows.net/" + teams.tenantId + "/").bearer();
        assertRefusedAndIgnored(post(message, otherIssuer), 401, message);
    }

    @Test
    void aTokenForAnotherBotIsRefused() {
        String otherBot = valid().audience(UUID.randomUUID().toString()).bearer();
        assertRefusedAndIgnored(post(message, otherBot), 401, message);
    }

    @Test
    void aTokenExpiredBeyondTheClockSkewIsRefused() {
        Instant now = clock.instant();
        String expired = valid().notBefore(now.minus(Duration.ofHours(1))).claim("iat", now.minus(Duration.ofHours(1))
                .getEpochSecond()).expiresAt(now.minus(Duration.ofMinutes(6))).bearer();
        assertRefusedAndIgnored(post(message, expired), 401, message);
    }

    @Test
    void aTokenIsCheckedOnTheApplicationsClock() {
        String token = valid().bearer();   // an hour's lifetime; the clock skew here is 5 minutes
        clock.advance(Duration.ofHours(1).plus(Duration.ofMinutes(5)).plusSeconds(1));
        assertRefusedAndIgnored(post(message, token), 401, message);
    }

    @Test
    void aTokenForAnotherServiceUrlIsRefused() {
        String forElsewhere = valid().serviceUrl(ELSEWHERE).bearer();
        assertRefusedAndIgnored(post(message, forElsewhere), 401, message);
    }

    @Test
    void aTokenSignedWithAKeyNotEndorsedForTeamsIsForbidden() {
        String webchat = valid().signedWith(WEBCHAT_ONLY).bearer();
        assertRefusedAndIgnored(post(message, webchat), 403, message);
    }

    @Test
    void aValidlySignedActivityFromAnotherBotFrameworkChannelIsForbidden() {
        // The Bot Framework's keys are endorsed for Web Chat and Direct Line as well, where "from" isn't Teams' word.
        String webchat = message.replace("\"channelId\":\"msteams\"", "\"channelId\":\"webchat\"");
        assertThat(webchat).contains("\"channelId\":\"webchat\"");
        assertRefusedAndIgnored(post(webchat), 403, webchat);
    }

    @Test
    void aTokenSignedWithAnUnpublishedKeyIsRefused() {
        BotFrameworkTokenMinter.Key unpublished = BotFrameworkTokenMinter.newKey("kid-unpublished-" + UUID.randomUUID());
        assertRefusedAndIgnored(post(message, valid().signedWith(unpublished).bearer()), 401, message);
    }

    @Test
    void aValidTokenWithABodyThatIsNotJsonIsABadRequest() {
        String truncated = message.substring(0, message.length() / 2);
        assertRefusedAndIgnored(post(truncated, valid().bearer()), 400, message);
        assertRefusedAndIgnored(post("this is not json", valid().bearer()), 400, message);
    }

    @Test
    void aValidTokenWithABodyOverOneMegabyteIsRefusedAsTooLarge() {
        ObjectNode padded = (ObjectNode) json(message);
        padded.put("padding", "x".repeat(1 << 20));
        String large = JSON.writeValueAsString(padded);
        assertThat(large.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(1 << 20);

        assertRefusedAndIgnored(post(large, valid().bearer()), 413, message);
    }

    @Test
    void aValidTokenReplayedWithAnotherActivityForAnotherServiceUrlIsRefused() {
        String token = valid().bearer();
        assertThat(post(message, token).statusCode()).isEqualTo(200);
        awaitSent(ben.personalChat(), sent -> true);

        String elsewhere = new TeamsPayloads(teams.tenantId, TeamsStandIn.APP_ID, TeamsStandIn.server().baseUrl() + "/elsewhere/", clock)
                .message(user("priya"), "my goals");

        assertRefusedAndIgnored(post(elsewhere, token), 401, elsewhere);
        assertThat(TeamsStandIn.requests("POST", "/elsewhere/.*")).as("requests to the replayed activity's service URL")
                .isEmpty();
    }

    /** A valid token for the message, to vary one claim at a time. */
    private BotFrameworkTokenMinter.TokenBuilder valid() {
        return minter().claims(TeamsStandIn.APP_ID, TeamsStandIn.serviceUrl());
    }

    private static BotFrameworkTokenMinter minter() {
        return TeamsStandIn.minter();
    }

    /** The refusal is friendly JSON without internals, and nothing happens: no answer, no conversation, no turn. */
    private void assertRefusedAndIgnored(HttpResponse<String> response, int status, String activity) {
        assertThat(response.statusCode()).as("status, answered %s", response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
        JsonNode error = json(response.body());
        assertThat(error.path("error").asString("")).as("the error message").isNotBlank();
        assertThat(response.body()).doesNotContainPattern("\\w+(Exception|Error)\\b").doesNotContain("\tat ", ".java:",
                "dev.stepwise", "com.nimbusds", "com.microsoft", "org.springframework", "\"trace\"");

        await("no Bot Connector call about the refused activity").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> botConnectorCallsFor(activity) == 0);
        assertThat(conversationKept(activity)).as("the conversation was kept").isFalse();
        assertThat(turnTaken(activity)).as("the activity reached the core").isFalse();
        assertThat(jdbc.sql("select count(*) from feedback_items where organisation_id = ?").param(org.id())
                .query(Integer.class).single()).as("feedback stored").isZero();
    }

    /** Requests to the Bot Connector (any service URL) about the activity's conversation or its sender. */
    private static long botConnectorCallsFor(String activity) {
        JsonNode json = json(activity);
        String conversation = json.path("conversation").path("id").asString();
        String sender = json.path("from").path("id").asString();
        return TeamsStandIn.server().getAllServeEvents().stream()
                .map(event -> event.getRequest())
                .filter(request -> {
                    String url = URLDecoder.decode(request.getUrl(), StandardCharsets.UTF_8);
                    return url.contains(conversation) || url.contains(sender)
                            || url.matches("/[^/]+/v3/conversations") && request.getBodyAsString().contains(sender);
                })
                .count();
    }

    private boolean conversationKept(String activity) {
        return jdbc.sql("select count(*) from teams_conversations where conversation_id = ?")
                .param(json(activity).path("conversation").path("id").asString()).query(Integer.class).single() > 0;
    }

    /** The core remembers every activity id it takes a turn for (to answer redeliveries once). */
    private boolean turnTaken(String activity) {
        return redis.sync().exists("stepwise:event:teams:" + json(activity).path("id").asString()) > 0;
    }
}
