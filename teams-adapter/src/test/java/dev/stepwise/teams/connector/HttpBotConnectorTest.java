package dev.stepwise.teams.connector;

import dev.stepwise.core.testing.TestClock;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpBotConnectorTest {

    static final String BOT = "28:8a5f6c2e-3b1d-4e7f-9a0c-1d2e3f4a5b6c";
    static final String USER = "29:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GMbrY2g4JDrrA8vM06X1-cHHle4zOE6U4ttcc";
    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String PERSONAL = "a:1oLOpsJ7nvS2q4xGy_cGcHk4QdD8nV1HkLsEZrMs3w9E1gMLQ9M2sqzSfRuXe2c8X";
    static final String PERSONAL_PATH = "/amer/v3/conversations/a%3A1oLOpsJ7nvS2q4xGy_cGcHk4QdD8nV1HkLsEZrMs3w9E1gMLQ9M2sqzSfRuXe2c8X";
    static final String ACTIVITIES = PERSONAL_PATH + "/activities";
    static final String JSON = "application/json; charset=utf-8";

    @RegisterExtension
    static WireMockExtension teams = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    final StaticTokens tokens = new StaticTokens();
    final TestClock clock = TestClock.atBase();

    HttpBotConnector connector() {
        return connector(RetryPolicy.DEFAULT);
    }

    HttpBotConnector connector(RetryPolicy policy) {
        return new HttpBotConnector(http, tokens, policy, clock, waits::add);
    }

    String serviceUrl() {
        return teams.baseUrl() + "/amer/";
    }

    /** Answers shaped like the recorded Bot Connector exchanges (CRLF-indented JSON, IIS headers). */
    static ResponseDefinitionBuilder answer(int status, String json) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", JSON)
                .withHeader("Server", "Microsoft-IIS/10.0")
                .withHeader("Cache-Control", "no-cache")
                .withBody(json.replace("\n", "\r\n"));
    }

    static ResponseDefinitionBuilder created(String id) {
        return answer(201, "{\n  \"id\": \"" + id + "\"\n}");
    }

    static ResponseDefinitionBuilder error(int status, String code, String message) {
        return answer(status, """
                {
                  "error": {
                    "code": "%s",
                    "message": "%s"
                  }
                }""".formatted(code, message));
    }

    static Activity message(String text) {
        Activity activity = Activity.createMessageActivity();
        activity.setText(text);
        activity.setFrom(new ChannelAccount(BOT, "Stepwise"));
        activity.setRecipient(new ChannelAccount(USER));
        activity.setConversation(new ConversationAccount(PERSONAL));
        return activity;
    }

    // --- each operation on the wire

    @Test
    void sendPostsTheActivityOnceAndAnswersItsId() {
        teams.stubFor(post(urlEqualTo(ACTIVITIES)).willReturn(created("1:1vQxD3Ms0q9v2nW8pK7LcE")));

        String id = connector().send(serviceUrl(), PERSONAL, message("Your feedback request was sent."));

        assertThat(id).isEqualTo("1:1vQxD3Ms0q9v2nW8pK7LcE");
        teams.verify(1, anyRequestedFor(anyUrl()));
        teams.verify(1, postRequestedFor(urlEqualTo(ACTIVITIES))
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .withHeader("Content-Type", equalToIgnoreCase(JSON))
                .withRequestBody(equalToJson("""
                        {"type":"message","text":"Your feedback request was sent.",
                         "from":{"id":"%s","name":"Stepwise"},"recipient":{"id":"%s"},
                         "conversation":{"id":"%s"}}""".formatted(BOT, USER, PERSONAL), false, true))
                .withRequestBody(matchingJsonPath("$.teamsActivity", absent()))
                .withRequestBody(matchingJsonPath("$.fromStreamingConnection", absent()))
                .withRequestBody(matchingJsonPath("$.conversation.group", absent())));
    }

    @Test
    void anAdaptiveCardTravelsAsAJsonObject() {
        teams.stubFor(post(urlEqualTo(ACTIVITIES)).willReturn(created("1:card")));
        ObjectNode card = JsonNodeFactory.instance.objectNode()
                .put("type", "AdaptiveCard").put("version", "1.5");
        card.putArray("body").addObject().put("type", "TextBlock").put("text", "How did the review go?");
        Activity activity = message(null);
        activity.setAttachments(List.of(adaptiveCard(card)));

        connector().send(serviceUrl(), PERSONAL, activity);

        teams.verify(postRequestedFor(urlEqualTo(ACTIVITIES)).withRequestBody(equalToJson("""
                {"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive",
                 "content":{"type":"AdaptiveCard","version":"1.5",
                            "body":[{"type":"TextBlock","text":"How did the review go?"}]}}]}""", false, true)));
    }

    @Test
    void aCardBuiltWithJackson3IsWrittenAsItsJsonNotAsABean() {
        teams.stubFor(post(urlEqualTo(ACTIVITIES)).willReturn(created("1:card")));
        tools.jackson.databind.node.ObjectNode card = tools.jackson.databind.node.JsonNodeFactory.instance
                .objectNode().put("type", "AdaptiveCard").put("version", "1.5");
        Activity activity = message(null);
        activity.setAttachments(List.of(adaptiveCard(card)));

        teams.stubFor(put(urlEqualTo(ACTIVITIES + "/1%3Acard")).willReturn(created("1:card")));

        connector().send(serviceUrl(), PERSONAL, activity);
        connector().update(serviceUrl(), PERSONAL, "1:card", activity);

        String card15 = """
                {"attachments":[{"contentType":"application/vnd.microsoft.card.adaptive",
                 "content":{"type":"AdaptiveCard","version":"1.5"}}]}""";
        teams.verify(postRequestedFor(urlEqualTo(ACTIVITIES)).withRequestBody(equalToJson(card15, false, true)));
        teams.verify(putRequestedFor(urlEqualTo(ACTIVITIES + "/1%3Acard"))
                .withRequestBody(equalToJson(card15, false, true)));
    }

    @Test
    void replyThreadsUnderAChannelMessageWithTheIdEncodedAsOneSegment() {
        String channelThread = "19:9a3f6d2c41b84e0f8d5c7a1b2e3f4a5b@thread.skype;messageid=1700000000000";
        String path = "/amer/v3/conversations/19%3A9a3f6d2c41b84e0f8d5c7a1b2e3f4a5b%40thread.skype%3Bmessageid%3D1700000000000"
                + "/activities/1700000000000";
        teams.stubFor(post(urlEqualTo(path)).willReturn(created("1700000000123")));

        String id = connector().reply(serviceUrl(), channelThread, "1700000000000", message("Thanks!"));

        assertThat(id).isEqualTo("1700000000123");
        teams.verify(1, postRequestedFor(urlEqualTo(path)));
        assertThat(teams.getAllServeEvents().getFirst().getRequest().getUrl()).isEqualTo(path);
    }

    @Test
    void aServiceUrlWithoutTrailingSlashLeadsToTheSamePlace() {
        teams.stubFor(post(urlEqualTo(ACTIVITIES)).willReturn(created("1:x")));

        connector().send(teams.baseUrl() + "/amer", PERSONAL, message("hi"));
        connector().send(teams.baseUrl() + "/amer/", PERSONAL, message("hi"));

        teams.verify(2, postRequestedFor(urlEqualTo(ACTIVITIES)));
    }

    @Test
    void updateReplacesTheMessageInPlace() {
        String path = ACTIVITIES + "/1%3A1vQxD3Ms0q9v2nW8pK7LcE";
        teams.stubFor(put(urlEqualTo(path)).willReturn(answer(200, "{\n  \"id\": \"1:1vQxD3Ms0q9v2nW8pK7LcE\"\n}")));

        connector().update(serviceUrl(), PERSONAL, "1:1vQxD3Ms0q9v2nW8pK7LcE", message("Submitted, thank you."));

        teams.verify(1, putRequestedFor(urlEqualTo(path))
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .withRequestBody(equalToJson("""
                        {"type":"message","id":"1:1vQxD3Ms0q9v2nW8pK7LcE","text":"Submitted, thank you."}""",
                        false, true)));
    }

    @Test
    void createPersonalConversationSendsTeamsConversationParameters() {
        teams.stubFor(post(urlEqualTo("/amer/v3/conversations")).willReturn(created(PERSONAL)));

        String id = connector().createPersonalConversation(serviceUrl(), TENANT, BOT, USER);

        assertThat(id).isEqualTo(PERSONAL);
        teams.verify(1, postRequestedFor(urlEqualTo("/amer/v3/conversations"))
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .withRequestBody(equalToJson("""
                        {"isGroup":false,"bot":{"id":"%s"},"members":[{"id":"%s"}],"tenantId":"%s",
                         "channelData":{"tenant":{"id":"%s"}}}""".formatted(BOT, USER, TENANT, TENANT))));
    }

    @Test
    void memberLookupReadsTheEntraIdentity() {
        String path = PERSONAL_PATH + "/members/" + ConnectorUris.encode(USER);
        teams.stubFor(get(urlEqualTo(path)).willReturn(answer(200, """
                {
                  "id": "%s",
                  "name": "Larry Brown",
                  "objectId": "9d3e08f9-a7ae-43aa-a4d3-de3f319a8a9c",
                  "givenName": "Larry",
                  "surname": "Brown",
                  "email": "Larry.Brown@fabrikam.com",
                  "userPrincipalName": "labrown@fabrikam.com",
                  "tenantId": "%s",
                  "userRole": "user"
                }""".formatted(USER, TENANT))));

        assertThat(connector().member(serviceUrl(), PERSONAL, USER)).contains(new TeamsMember(USER,
                "9d3e08f9-a7ae-43aa-a4d3-de3f319a8a9c", "Larry Brown", "Larry.Brown@fabrikam.com",
                "labrown@fabrikam.com"));
        teams.verify(1, getRequestedFor(urlEqualTo(path)).withHeader("Authorization", equalTo("Bearer token-1")));
        assertThat(path).contains("/members/29%3A1GcS4EyB_oSI8A88");
    }

    @Test
    void someoneWhoIsNotAMemberIsEmpty() {
        teams.stubFor(get(urlPathEqualTo(PERSONAL_PATH + "/members/" + ConnectorUris.encode("29:gone")))
                .willReturn(error(404, "NotFound", "The member could not be found.")));
        teams.stubFor(get(urlPathEqualTo(PERSONAL_PATH + "/members/" + ConnectorUris.encode("29:unknown")))
                .willReturn(error(400, "MemberNotFoundInConversation", "The member could not be found.")));

        assertThat(connector().member(serviceUrl(), PERSONAL, "29:gone")).isEmpty();
        assertThat(connector().member(serviceUrl(), PERSONAL, "29:unknown")).isEmpty();
        teams.verify(2, anyRequestedFor(anyUrl()));
    }

    // --- throttling and server errors

    @Test
    void a429IsRetriedAfterRetryAfterAndTheMessageArrivesOnce() {
        stubSequence(() -> post(urlEqualTo(ACTIVITIES)),
                error(429, "Throttled", "Too many requests").withHeader("Retry-After", "2"),
                created("1:after-throttle"));

        String id = connector().send(serviceUrl(), PERSONAL, message("hello"));

        assertThat(id).isEqualTo("1:after-throttle");
        teams.verify(2, postRequestedFor(urlEqualTo(ACTIVITIES)));
        assertThat(waits).hasSize(1);
        assertThat(waits.getFirst()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void retryAfterMayBeAnHttpDate() {
        String in3Seconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(clock.instant().plusSeconds(3).atOffset(ZoneOffset.UTC));
        stubSequence(() -> post(urlEqualTo(ACTIVITIES)),
                error(429, "Throttled", "Too many requests").withHeader("Retry-After", in3Seconds),
                created("1:later"));

        assertThat(connector().send(serviceUrl(), PERSONAL, message("hello"))).isEqualTo("1:later");
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void a503IsRetriedWithGrowingWaits() {
        stubSequence(() -> post(urlEqualTo(ACTIVITIES)),
                answer(503, "<html><body>Service Unavailable</body></html>"),
                answer(503, "<html><body>Service Unavailable</body></html>"),
                created("1:third-time"));

        assertThat(connector().send(serviceUrl(), PERSONAL, message("hello"))).isEqualTo("1:third-time");

        teams.verify(3, postRequestedFor(urlEqualTo(ACTIVITIES)));
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void aServerThatKeepsFailingIsGivenUpOnWithItsStatus() {
        teams.stubFor(post(urlEqualTo(ACTIVITIES)).willReturn(error(500, "ServiceError", "Unknown error")));

        assertThatThrownBy(() -> connector().send(serviceUrl(), PERSONAL, message("hello")))
                .isInstanceOfSatisfying(BotConnectorException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.code()).isEqualTo("ServiceError");
                    assertThat(e.getMessage()).contains("Unknown error", "4 attempts");
                });
        teams.verify(4, postRequestedFor(urlEqualTo(ACTIVITIES)));
        assertThat(waits).hasSize(3);
        assertThat(waits.stream().reduce(Duration.ZERO, Duration::plus)).isLessThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aRetryAfterBeyondTheCapGivesUpAtOnce() {
        teams.stubFor(post(urlEqualTo(ACTIVITIES))
                .willReturn(error(429, "Throttled", "Too many requests").withHeader("Retry-After", "120")));

        assertThatThrownBy(() -> connector().send(serviceUrl(), PERSONAL, message("hello")))
                .isInstanceOfSatisfying(BotConnectorException.class, e -> assertThat(e.status()).isEqualTo(429));
        teams.verify(1, postRequestedFor(urlEqualTo(ACTIVITIES)));
        assertThat(waits).isEmpty();
    }

    // --- client errors are not retried

    @Test
    void aBadRequestFailsAtOnceWithTheServicesReason() {
        teams.stubFor(post(urlEqualTo(ACTIVITIES)).willReturn(
                error(400, "ServiceError", "SendActivityToUserAsync FAILED: The specified channel was not found")));

        assertThatThrownBy(() -> connector().send(serviceUrl(), PERSONAL, message("hello")))
                .isInstanceOfSatisfying(BotConnectorException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("ServiceError");
                    assertThat(e.getMessage()).contains("The specified channel was not found");
                });
        teams.verify(1, postRequestedFor(urlEqualTo(ACTIVITIES)));
        assertThat(waits).isEmpty();
    }

    @Test
    void aBotRemovedFromTheConversationIsNotRetried() {
        teams.stubFor(post(urlEqualTo(ACTIVITIES)).willReturn(
                error(403, "BotNotInConversationRoster", "The bot is not part of the conversation roster.")));

        assertThatThrownBy(() -> connector().send(serviceUrl(), PERSONAL, message("hello")))
                .isInstanceOfSatisfying(BotConnectorException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.code()).isEqualTo("BotNotInConversationRoster");
                });
        teams.verify(1, postRequestedFor(urlEqualTo(ACTIVITIES)));
    }

    @Test
    void anUnknownConversationIsNotRetried() {
        teams.stubFor(post(urlEqualTo(ACTIVITIES)).willReturn(
                error(404, "ConversationNotFound", "Conversation not found.")));

        assertThatThrownBy(() -> connector().send(serviceUrl(), PERSONAL, message("hello")))
                .isInstanceOfSatisfying(BotConnectorException.class, e -> assertThat(e.status()).isEqualTo(404));
        teams.verify(1, postRequestedFor(urlEqualTo(ACTIVITIES)));
    }

    // --- tokens

    @Test
    void a401FetchesAFreshTokenOnceAndRetries() {
        String tokenPath = "/botframework.com/oauth2/v2.0/token";
        stubSequence(() -> post(urlPathEqualTo(tokenPath)),
                answer(200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"revoked\"}"),
                answer(200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"fresh\"}"));
        teams.stubFor(post(urlEqualTo(ACTIVITIES)).withHeader("Authorization", equalTo("Bearer revoked"))
                .willReturn(answer(401, "{\"message\":\"Authorization has been denied for this request.\"}")));
        teams.stubFor(post(urlEqualTo(ACTIVITIES)).withHeader("Authorization", equalTo("Bearer fresh"))
                .willReturn(created("1:with-fresh-token")));
        ClientCredentialsTokens entra = new ClientCredentialsTokens(http, URI.create(teams.baseUrl() + tokenPath),
                "8a5f6c2e-3b1d-4e7f-9a0c-1d2e3f4a5b6c", "secret", clock);
        HttpBotConnector connector = new HttpBotConnector(http, entra, RetryPolicy.DEFAULT, clock, waits::add);

        assertThat(connector.send(serviceUrl(), PERSONAL, message("hello"))).isEqualTo("1:with-fresh-token");
        assertThat(connector.send(serviceUrl(), PERSONAL, message("again"))).isEqualTo("1:with-fresh-token");

        teams.verify(2, postRequestedFor(urlPathEqualTo(tokenPath)));
        teams.verify(1, postRequestedFor(urlEqualTo(ACTIVITIES)).withHeader("Authorization", equalTo("Bearer revoked")));
        teams.verify(2, postRequestedFor(urlEqualTo(ACTIVITIES)).withHeader("Authorization", equalTo("Bearer fresh")));
    }

    @Test
    void aSecond401IsAnError() {
        teams.stubFor(post(urlEqualTo(ACTIVITIES))
                .willReturn(answer(401, "{\"message\":\"Authorization has been denied for this request.\"}")));

        assertThatThrownBy(() -> connector().send(serviceUrl(), PERSONAL, message("hello")))
                .isInstanceOfSatisfying(BotConnectorException.class, e -> assertThat(e.status()).isEqualTo(401));
        teams.verify(2, postRequestedFor(urlEqualTo(ACTIVITIES)));
        teams.verify(1, postRequestedFor(urlEqualTo(ACTIVITIES)).withHeader("Authorization", equalTo("Bearer token-1")));
        teams.verify(1, postRequestedFor(urlEqualTo(ACTIVITIES)).withHeader("Authorization", equalTo("Bearer token-2")));
        assertThat(tokens.invalidated).containsExactly("token-1");
    }

    // --- not sending twice when the outcome is unknown

    @Test
    void aSendThatTimesOutIsNotRepeated() {
        teams.stubFor(post(urlEqualTo(ACTIVITIES)).willReturn(created("1:late").withFixedDelay(1500)));
        HttpBotConnector impatient = connector(new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(10),
                Duration.ofSeconds(30), Duration.ofMillis(300)));

        assertThatThrownBy(() -> impatient.send(serviceUrl(), PERSONAL, message("hello")))
                .isInstanceOfSatisfying(BotConnectorException.class, e -> {
                    assertThat(e.status()).isEqualTo(BotConnectorException.NO_ANSWER);
                    assertThat(e.code()).isEqualTo("timeout");
                });
        teams.verify(1, postRequestedFor(urlEqualTo(ACTIVITIES)));
    }

    @Test
    void anUpdateThatTimesOutIsRepeatedBecauseRepeatingItIsHarmless() {
        String path = ACTIVITIES + "/1%3Aold";
        stubSequence(() -> put(urlEqualTo(path)), created("1:old").withFixedDelay(1500), created("1:old"));
        HttpBotConnector impatient = connector(new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(10),
                Duration.ofSeconds(30), Duration.ofMillis(300)));

        impatient.update(serviceUrl(), PERSONAL, "1:old", message("updated"));

        teams.verify(2, putRequestedFor(urlEqualTo(path)));
    }

    @Test
    void aConnectionBrokenMidSendIsNotRepeated() {
        teams.stubFor(post(urlEqualTo(ACTIVITIES)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> connector().send(serviceUrl(), PERSONAL, message("hello")))
                .isInstanceOfSatisfying(BotConnectorException.class, e -> assertThat(e.code()).isEqualTo("broken"));
        teams.verify(1, postRequestedFor(urlEqualTo(ACTIVITIES)));
    }

    @Test
    void anUnreachableServiceIsRetriedBecauseNothingWasSent() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> connector().send("http://localhost:" + closedPort + "/amer/", PERSONAL, message("hi")))
                .isInstanceOfSatisfying(BotConnectorException.class, e -> {
                    assertThat(e.status()).isEqualTo(BotConnectorException.NO_ANSWER);
                    assertThat(e.code()).isEqualTo("unreachable");
                    assertThat(e.getMessage()).contains("4 attempts");
                });
        assertThat(waits).hasSize(3);
    }

    // --- helpers

    private static Attachment adaptiveCard(Object content) {
        Attachment attachment = new Attachment();
        attachment.setContentType("application/vnd.microsoft.card.adaptive");
        attachment.setContent(content);
        return attachment;
    }

    /** Answers one after the other; the last one repeats. */
    private static void stubSequence(Supplier<MappingBuilder> request, ResponseDefinitionBuilder... answers) {
        String scenario = "sequence-" + System.nanoTime();
        for (int i = 0; i < answers.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "step-" + i;
            ScenarioMappingBuilder step = request.get().inScenario(scenario).whenScenarioStateIs(state);
            if (i < answers.length - 1) {
                step.willSetStateTo("step-" + (i + 1));
            }
            teams.stubFor(step.willReturn(answers[i]));
        }
    }

    /** Hands out token-1, and token-2 once token-1 was rejected. */
    static final class StaticTokens implements BotTokens {

        final List<String> invalidated = new CopyOnWriteArrayList<>();

        @Override
        public String accessToken() {
            return "token-" + (invalidated.size() + 1);
        }

        @Override
        public void invalidate(String rejectedToken) {
            invalidated.add(rejectedToken);
        }
    }
}
