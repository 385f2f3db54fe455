package dev.stepwise.slack.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * WireMock as Slack's Web API and response URLs for the benchmark: Slack-shaped answers, no request journal (a run
 * sends hundreds of thousands of calls), and a count of calls per method instead. {@code auth.test} answers after
 * {@code authTestDelay}, a Slack round trip, so that Bolt's auth.test calls on request threads show in the figures;
 * every other call answers at once, so the work after each acknowledgement competes for the CPU as hard as it can.
 */
final class BenchSlackApi implements AutoCloseable {

    static final String BOT_USER = "UBOTBENCH1";
    static final String RESPONSE_URL = "response_url";

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final WireMockServer server;

    BenchSlackApi(Duration authTestDelay) {
        server = new WireMockServer(options().dynamicPort().disableRequestJournal().extensions(new Counter()));
        server.start();
        server.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(json("\"url\":\"https://bench.slack.com/\",\"team\":\"Bench\","
                + "\"user\":\"stepwise\",\"team_id\":\"T0BENCH\",\"user_id\":\"" + BOT_USER + "\",\"bot_id\":\"B0BENCH\","
                + "\"is_enterprise_install\":false").withFixedDelay((int) authTestDelay.toMillis())));
        ok("chat.postMessage", "\"channel\":\"D0DM\",\"ts\":\"1763900000.000100\",\"message\":{\"type\":\"message\",\"text\":\"ok\"}");
        ok("chat.postEphemeral", "\"message_ts\":\"1763900000.000200\"");
        ok("conversations.open", "\"channel\":{\"id\":\"D0OPENED\"}");
        ok("users.info", "\"user\":{\"id\":\"U0NOBODY\",\"deleted\":false,\"is_bot\":false,\"real_name\":\"Nobody Known\","
                + "\"tz\":\"Europe/London\",\"profile\":{\"email\":\"nobody@elsewhere.example\"}}");
        server.stubFor(post(urlPathMatching("/response/.*")).willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.port() + "/api/";
    }

    String responseUrl(String name) {
        return "http://127.0.0.1:" + server.port() + "/response/" + name;
    }

    /** Calls so far of a Web API method, or of {@link #RESPONSE_URL}. */
    long calls(String method) {
        LongAdder adder = calls.get(method);
        return adder == null ? 0 : adder.sum();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new java.util.TreeMap<>();
        calls.forEach((method, adder) -> snapshot.put(method, adder.sum()));
        return snapshot;
    }

    @Override
    public void close() {
        server.stop();
    }

    private void ok(String method, String fields) {
        server.stubFor(post(urlEqualTo("/api/" + method)).willReturn(json(fields)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String fields) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"ok\":true," + fields + "}");
    }

    private final class Counter implements ServeEventListener {

        @Override
        public void afterComplete(ServeEvent event, Parameters parameters) {
            String url = event.getRequest().getUrl();
            String method = url.startsWith("/api/") ? url.substring("/api/".length()) : url.startsWith("/response/") ? RESPONSE_URL : url;
            calls.computeIfAbsent(method, m -> new LongAdder()).increment();
        }

        @Override
        public String getName() {
            return "bench-call-counter";
        }
    }
}
