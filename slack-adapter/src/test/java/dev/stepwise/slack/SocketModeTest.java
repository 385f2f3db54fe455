package dev.stepwise.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Socket Mode: the app opens a WebSocket at the URL apps.connections.open hands out (here a local server playing
 * Slack), acknowledges each envelope, and answers the event like one posted to the request URL.
 */
// Closed after the class: its Socket Mode client would otherwise keep reconnecting during other tests.
@org.springframework.test.annotation.DirtiesContext
@TestPropertySource(properties = {"stepwise.slack.socket-mode=true", "stepwise.slack.app-token=xapp-1-A0STEP-test"})
class SocketModeTest extends SlackAdapterTest {

    private static final SlackSide SLACK_SIDE = SlackSide.listening();

    /** Socket Mode connects while the application starts, to the URL apps.connections.open hands out. */
    @DynamicPropertySource
    static void slackSide(DynamicPropertyRegistry registry) {
        SlackStandIn.socketModeUrl = "ws://127.0.0.1:" + SLACK_SIDE.getPort() + "/link/?ticket=t1";
        SlackStandIn.ok("apps.connections.open", "\"url\":\"" + SlackStandIn.socketModeUrl + "\"");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        SLACK_SIDE.stop(1000);
    }

    @Test
    void anEventOverTheSocketIsAcknowledgedAndAnswered() {
        await().atMost(Duration.ofSeconds(20)).until(() -> SLACK_SIDE.client() != null);

        String envelope = "socket-" + System.nanoTime();
        JsonObject message = new JsonObject();
        message.addProperty("envelope_id", envelope);
        message.addProperty("type", "events_api");
        message.add("payload", JsonParser.parseString(payloads.directMessage(SlackPayloads.newEventId(), slackUser("ben"),
                "D0BENSOCK", "my goals")));
        message.addProperty("accepts_response_payload", false);
        message.addProperty("retry_attempt", 0);
        message.addProperty("retry_reason", "");
        SLACK_SIDE.client().send(message.toString());

        await().atMost(Duration.ofSeconds(10)).until(() -> SLACK_SIDE.received.stream().anyMatch(m -> m.contains(envelope)));
        Map<String, String> answer = awaitCall("chat.postMessage", c -> "D0BENSOCK".equals(c.get("channel")));
        assertThat(texts(answer.get("blocks"))).contains("Your objectives");
        assertThat(SLACK_SIDE.apps).isNotEmpty();
    }

    /** Slack's side of the socket: says hello, forwards envelopes, records acknowledgements. */
    static final class SlackSide extends WebSocketServer {
        final List<String> received = new CopyOnWriteArrayList<>();
        final List<String> apps = new CopyOnWriteArrayList<>();
        private volatile WebSocket client;

        private SlackSide() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        static SlackSide listening() {
            SlackSide side = new SlackSide();
            side.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> side.getPort() > 0);
            return side;
        }

        WebSocket client() {
            return client;
        }

        @Override
        public void onOpen(WebSocket connection, ClientHandshake handshake) {
            apps.add(handshake.getResourceDescriptor());
            client = connection;
            connection.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"local\"},"
                    + "\"connection_info\":{\"app_id\":\"A0STEP\"}}");
        }

        @Override
        public void onClose(WebSocket connection, int code, String reason, boolean remote) {
            if (connection == client) {
                client = null;
            }
        }

        @Override
        public void onMessage(WebSocket connection, String message) {
            received.add(message);
        }

        @Override
        public void onError(WebSocket connection, Exception failure) {
        }

        @Override
        public void onStart() {
        }
    }
}
