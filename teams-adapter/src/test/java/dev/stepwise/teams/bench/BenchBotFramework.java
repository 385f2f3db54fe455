package dev.stepwise.teams.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.stepwise.core.testing.TestClock;
import dev.stepwise.teams.auth.BotFrameworkTokenMinter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ObjLongConsumer;

/**
 * Microsoft's side of Teams for the benchmark, on a WireMock of its own: the Bot Framework's OpenID metadata and key
 * set (the minter's key), the token endpoint, and the Bot Connector. No request journal (a run sends tens of
 * thousands of calls), a count of calls per kind instead, and each activity the bot posts handed with its arrival
 * time ({@link System#nanoTime()}, when WireMock has read it) and conversation to {@code onActivity}. The metadata,
 * the key set and the token endpoint answer after {@code loginDelay} (a round trip to Microsoft's login servers), so
 * that fetching them on a request's path shows in the figures; the Bot Connector answers at once, so that the work
 * after each acknowledgement competes for the CPU as hard as it can.
 */
final class BenchBotFramework implements AutoCloseable {

    static final String APP_ID = "5b0c4e7a-2f61-4c3d-9e8a-be4c40000001";
    static final String APP_PASSWORD = "bench-client-secret";
    static final String ACTIVITY = "activity";
    static final String METADATA = "OpenID metadata";
    static final String KEYS = "key set";
    static final String TOKEN = "token";

    private static final String TOKEN_PATH = "/botframework.com/oauth2/v2.0/token";

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final WireMockServer server;
    // The application under test stands at the base instant too (RealServersBeans' clock).
    private final BotFrameworkTokenMinter minter = new BotFrameworkTokenMinter(TestClock.atBase());
    private volatile ObjLongConsumer<String> onActivity = (conversation, nanos) -> { };

    BenchBotFramework(Duration loginDelay) {
        server = new WireMockServer(options().dynamicPort().containerThreads(64).asynchronousResponseEnabled(false)
                .disableRequestJournal().extensions(new Listener()));
        server.start();
        int delay = (int) loginDelay.toMillis();
        minter.serveOn(server);
        server.stubFor(get(urlPathEqualTo(BotFrameworkTokenMinter.METADATA_PATH)).atPriority(1)
                .willReturn(okJson(minter.metadataJson()).withFixedDelay(delay)));
        server.stubFor(get(urlPathEqualTo(BotFrameworkTokenMinter.KEYS_PATH)).atPriority(1)
                .willReturn(okJson(minter.keySetJson()).withFixedDelay(delay)));
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":3599,"
                + "\"ext_expires_in\":3599,\"access_token\":\"eyJ0eXAi.bench-bot-token\"}").withFixedDelay(delay)));
        server.stubFor(post(urlPathMatching("/teams/v3/conversations/[^/]+/activities(/[^/]+)?")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"id\":\"1:sentActivity\"}")));
        server.stubFor(get(urlPathMatching("/teams/v3/conversations/[^/]+/members/[^/]+")).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"MemberNotFoundInConversation\",\"message\":\"The member was not found.\"}}")));
    }

    BotFrameworkTokenMinter minter() {
        return minter;
    }

    String serviceUrl() {
        return server.baseUrl() + "/teams/";
    }

    String metadataUrl() {
        return minter.metadataUrl().toString();
    }

    String tokenEndpoint() {
        return server.baseUrl() + TOKEN_PATH;
    }

    /** Who is told of each activity the bot posts: its conversation id and when it arrived. */
    void onActivity(ObjLongConsumer<String> listener) {
        this.onActivity = listener;
    }

    /** Calls so far of one kind: {@link #ACTIVITY}, {@link #METADATA}, {@link #KEYS}, {@link #TOKEN}, or a URL. */
    long calls(String kind) {
        LongAdder adder = calls.get(kind);
        return adder == null ? 0 : adder.sum();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        calls.forEach((kind, adder) -> snapshot.put(kind, adder.sum()));
        return snapshot;
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Listener implements ServeEventListener {

        @Override
        public void beforeMatch(ServeEvent event, Parameters parameters) {
            long arrived = System.nanoTime();
            String url = event.getRequest().getUrl();
            String kind;
            if (url.startsWith("/teams/v3/conversations/") && url.contains("/activities")) {
                kind = ACTIVITY;
                // /teams/v3/conversations/{id}/activities[/{replyTo}]
                String conversation = URLDecoder.decode(url.split("/")[4], StandardCharsets.UTF_8);
                onActivity.accept(conversation, arrived);
            } else if (url.startsWith(BotFrameworkTokenMinter.METADATA_PATH)) {
                kind = METADATA;
            } else if (url.startsWith(BotFrameworkTokenMinter.KEYS_PATH)) {
                kind = KEYS;
            } else if (url.equals(TOKEN_PATH)) {
                kind = TOKEN;
            } else {
                kind = event.getRequest().getMethod().getName() + " " + url;
            }
            calls.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }

        @Override
        public String getName() {
            return "bench-bot-framework-listener";
        }
    }
}
