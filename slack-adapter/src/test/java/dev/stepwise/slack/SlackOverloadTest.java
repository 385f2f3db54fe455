package dev.stepwise.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * When every worker is busy and the queue is full, Slack is asked to retry (503) instead of being acknowledged and
 * let down; the retry is answered once there is room.
 */
@DirtiesContext
@TestPropertySource(properties = {"stepwise.slack.workers=1", "stepwise.slack.queue-capacity=1"})
class SlackOverloadTest extends SlackAdapterTest {

    @Test
    void aFullQueueAsksSlackToRetryAndTheRetryIsAnswered() {
        SlackStandIn.server().stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(1500).withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"channel\":\"D0SLOW\",\"ts\":\"1763900000.000100\"}")));
        String ben = slackUser("ben");

        List<String> events = new ArrayList<>();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String eventId = SlackPayloads.newEventId();
            events.add(eventId);
            answers.add(slack.json(payloads.directMessage(eventId, ben, "D0SLOW" + i, "my goals")));
        }
        List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
        assertThat(statuses).as("the first is worked on, the second waits, the rest are refused").contains(200, 503);
        int refused = statuses.lastIndexOf(503);
        assertThat(answers.get(refused).headers().firstValue("Retry-After")).contains("1");
        assertThat(answers.get(refused).body()).contains("try again").doesNotContain("Exception");

        String channel = "D0SLOW" + refused;
        HttpResponse<String> retry = await().atMost(java.time.Duration.ofSeconds(15))
                .pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> slack.jsonRetry(payloads.directMessage(events.get(refused), ben, channel, "my goals"), 1),
                        r -> r.statusCode() == 200);
        assertThat(retry.statusCode()).isEqualTo(200);
        Map<String, String> answered = awaitCall("chat.postMessage", c -> channel.equals(c.get("channel")));
        assertThat(texts(answered.get("blocks"))).contains("Your objectives");
    }
}
