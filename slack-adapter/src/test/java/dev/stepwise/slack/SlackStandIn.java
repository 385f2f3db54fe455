package dev.stepwise.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * WireMock playing Slack's Web API (answers shaped like Slack's) and response URLs, and what it received,
 * decoded: the SDK sends form-encoded parameters with blocks and views as JSON strings.
 */
public final class SlackStandIn {

    public static final String BOT_USER = "UBOTSTEP1";

    private static WireMockServer server;

    /** What apps.connections.open answers (Socket Mode), when a test plays Slack's WebSocket side. */
    static volatile String socketModeUrl;

    private SlackStandIn() {
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort());
            server.start();
            reset();
        }
        return server;
    }

    public static String apiUrl() {
        return "http://localhost:" + server().port() + "/api/";
    }

    public static String responseUrl(String name) {
        return "http://localhost:" + server().port() + "/response/" + name;
    }

    public static void reset() {
        WireMockServer wm = server();
        wm.resetAll();
        ok("auth.test", "\"url\":\"https://northwind.slack.com/\",\"team\":\"Northwind\",\"user\":\"stepwise\","
                + "\"team_id\":\"T0TEST\",\"user_id\":\"" + BOT_USER + "\",\"bot_id\":\"B0STEP\",\"is_enterprise_install\":false");
        ok("chat.postMessage", "\"channel\":\"D0DM\",\"ts\":\"1763900000.000100\",\"message\":{\"type\":\"message\",\"text\":\"ok\"}");
        ok("chat.postEphemeral", "\"message_ts\":\"1763900000.000200\"");
        ok("chat.update", "\"channel\":\"D0DM\",\"ts\":\"1763900000.000100\"");
        ok("conversations.open", "\"channel\":{\"id\":\"D0OPENED\"}");
        ok("conversations.history", "\"messages\":[],\"has_more\":false");
        ok("views.open", "\"view\":{\"id\":\"V0OPEN\",\"hash\":\"1763900000.abc\",\"type\":\"modal\"}");
        ok("views.update", "\"view\":{\"id\":\"V0OPEN\",\"hash\":\"1763900001.abd\",\"type\":\"modal\"}");
        ok("views.push", "\"view\":{\"id\":\"V0PUSH\",\"hash\":\"1763900002.abe\",\"type\":\"modal\"}");
        ok("views.publish", "\"view\":{\"id\":\"V0HOME\",\"hash\":\"1763900003.abf\",\"type\":\"home\"}");
        ok("chat.getPermalink", "\"channel\":\"C0TEAM\",\"permalink\":\"https://northwind.slack.com/archives/C0TEAM/p1763890000000100\"");
        ok("users.info", "\"user\":{\"id\":\"U0NOBODY\",\"deleted\":false,\"is_bot\":false,\"real_name\":\"Nobody Known\","
                + "\"tz\":\"Europe/London\",\"profile\":{\"email\":\"nobody@elsewhere.example\"}}");
        if (socketModeUrl != null) {
            ok("apps.connections.open", "\"url\":\"" + socketModeUrl + "\"");
        }
        wm.stubFor(post(urlPathMatching("/response/.*")).willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    public static void ok(String method, String fields) {
        server().stubFor(post(urlEqualTo("/api/" + method)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"ok\":true," + fields + "}")));
    }

    /** Calls of a Web API method, as decoded parameters. */
    public static List<Map<String, String>> calls(String method) {
        return server().findAll(postRequestedFor(urlEqualTo("/api/" + method))).stream().map(SlackStandIn::params).toList();
    }

    /** What was posted to the response URL of that name. */
    public static List<JsonObject> responses(String name) {
        return server().findAll(postRequestedFor(urlEqualTo("/response/" + name))).stream()
                .map(r -> JsonParser.parseString(r.getBodyAsString()).getAsJsonObject()).toList();
    }

    public static int callCount() {
        return server().findAll(postRequestedFor(anyUrl())).size()
                - server().findAll(postRequestedFor(urlEqualTo("/api/auth.test"))).size();
    }

    static Map<String, String> params(LoggedRequest request) {
        Map<String, String> params = new HashMap<>();
        String body = request.getBodyAsString();
        if (request.contentTypeHeader().containsValue("application/json")
                || request.getHeader("Content-Type") != null && request.getHeader("Content-Type").contains("json")) {
            JsonParser.parseString(body).getAsJsonObject().entrySet().forEach(e -> params.put(e.getKey(),
                    e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
        } else {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        params.put("_authorization", request.getHeader("Authorization"));
        return params;
    }

    @SuppressWarnings("unused")
    private static Object anyRequest() {
        return any(anyUrl());
    }
}
