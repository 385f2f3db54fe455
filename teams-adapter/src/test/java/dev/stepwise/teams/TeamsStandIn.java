package dev.stepwise.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.stepwise.core.testing.TestClock;
import dev.stepwise.teams.auth.BotFrameworkTokenMinter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Microsoft's side of Teams, played by one WireMock for the whole test JVM: the Bot Framework's OpenID metadata
 * and signing keys (the minter's), the token endpoint, and the Bot Connector at {@link #serviceUrl()}.
 */
public final class TeamsStandIn {

    public static final String APP_ID = "7e1f3c52-9a0b-4d8e-b6f1-2c3d4e5f6a7b";
    public static final String APP_PASSWORD = "test-client-secret";
    public static final String BOT_TOKEN = "eyJ0eXAi.bot-token-for-tests";
    public static final String TOKEN_PATH = "/botframework.com/oauth2/v2.0/token";
    public static final String CREATED_CONVERSATION = "a:1createdPersonalChat";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer server;
    private static BotFrameworkTokenMinter minter;

    private TeamsStandIn() {
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort().containerThreads(32).asynchronousResponseEnabled(false));
            server.start();
            minter = new BotFrameworkTokenMinter(TestClock.atBase());
            reset();
        }
        return server;
    }

    public static synchronized BotFrameworkTokenMinter minter() {
        server();
        return minter;
    }

    /** Forgets every request and puts back the default answers. */
    public static synchronized void reset() {
        WireMockServer wireMock = server();
        wireMock.resetAll();
        minter.serveOn(wireMock);
        wireMock.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(okJson(
                "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\"" + BOT_TOKEN + "\"}")));
        wireMock.stubFor(post(urlPathMatching("/teams/v3/conversations/[^/]+/activities(/[^/]+)?")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"id\":\"1:sentActivity\"}")));
        wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(urlPathMatching("/teams/v3/conversations/[^/]+/activities/[^/]+"))
                .willReturn(okJson("{\"id\":\"1:sentActivity\"}")));
        wireMock.stubFor(post(urlEqualTo("/teams/v3/conversations")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"" + CREATED_CONVERSATION + "\",\"activityId\":null,\"serviceUrl\":null}")));
        wireMock.stubFor(get(urlPathMatching("/teams/v3/conversations/[^/]+/members/[^/]+")).atPriority(10)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"MemberNotFoundInConversation\",\"message\":\"The member was not found.\"}}")));
    }

    public static String serviceUrl() {
        return server().baseUrl() + "/teams/";
    }

    public static String metadataUrl() {
        return minter().metadataUrl().toString();
    }

    public static String tokenEndpoint() {
        return server().baseUrl() + TOKEN_PATH;
    }

    /** Teams knows this user's email (the roster answers for them in any conversation). */
    public static void member(TeamsPayloads.User user, String email) {
        server().stubFor(get(urlPathMatching("/teams/v3/conversations/[^/]+/members/" + java.util.regex.Pattern.quote(
                        java.net.URLEncoder.encode(user.id(), StandardCharsets.UTF_8))))
                .atPriority(1)
                .willReturn(okJson("{\"id\":\"" + user.id() + "\",\"name\":\"" + user.name() + "\",\"aadObjectId\":\""
                        + user.aadObjectId() + "\",\"email\":\"" + email + "\",\"userPrincipalName\":\"" + email
                        + "\",\"tenantId\":\"t\",\"userRole\":\"user\"}")));
    }

    /** A sent activity: the conversation it went to and its JSON. */
    public record Sent(String conversationId, String replyToId, JsonNode activity, String authorization) {

        /** Every text the activity shows (its text, and each text of its card), one per line. */
        public String texts() {
            StringBuilder out = new StringBuilder();
            collect(activity, out);
            return out.toString();
        }
    }

    /** The activities the bot posted, oldest first. */
    public static List<Sent> sent() {
        return server().findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        urlPathMatching("/teams/v3/conversations/[^/]+/activities(/[^/]+)?"))).stream()
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(TeamsStandIn::sent).toList();
    }

    public static List<Sent> sentTo(String conversationId) {
        return sent().stream().filter(s -> s.conversationId().equals(conversationId)).toList();
    }

    /** The activities the bot replaced (PUT), oldest first: the activity id each replaced and its JSON. */
    public static List<Sent> updated(String conversationId) {
        return requests("PUT", "/teams/v3/conversations/[^/]+/activities/[^/]+").stream()
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(TeamsStandIn::sent).filter(s -> s.conversationId().equals(conversationId)).toList();
    }

    public static List<LoggedRequest> requests(String method, String pathRegex) {
        return server().getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getMethod().getName().equals(method) && r.getUrl().matches(pathRegex)).toList();
    }

    private static Sent sent(LoggedRequest request) {
        String[] parts = request.getUrl().split("/");
        // /teams/v3/conversations/{id}/activities[/{replyTo}]
        String conversation = URLDecoder.decode(parts[4], StandardCharsets.UTF_8);
        String replyTo = parts.length > 6 ? URLDecoder.decode(parts[6], StandardCharsets.UTF_8) : null;
        return new Sent(conversation, replyTo, JSON.readTree(request.getBodyAsString()), request.getHeader("Authorization"));
    }

    static void collect(JsonNode node, StringBuilder out) {
        if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if ((field.getKey().equals("text") || field.getKey().equals("title") || field.getKey().equals("value"))
                        && field.getValue().isString()) {
                    out.append(field.getValue().asString()).append('\n');
                } else {
                    collect(field.getValue(), out);
                }
            }
        }
    }
}
