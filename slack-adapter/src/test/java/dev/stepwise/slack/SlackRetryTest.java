package dev.stepwise.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slack redelivers an event it thinks went unanswered (same {@code event_id}, with {@code X-Slack-Retry-Num}).
 * Every delivery is acknowledged within Slack's 3 seconds, but only the first has an effect: dedupe is by
 * event id, never by text.
 */
class SlackRetryTest extends SlackAdapterTest {

    private static final Duration SLACKS_DEADLINE = Duration.ofSeconds(3);
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final String CHANNEL = "D0PRIYA";
    private static final String TEXT = "give feedback to Ben: great demo";

    private String priya;

    @BeforeEach
    void priya() {
        priya = slackUser("priya");
    }

    @Test
    void anEventRetriedTwiceIsAcknowledgedEachTimeButAnsweredOnce() {
        String event = payloads.directMessage(SlackPayloads.newEventId(), priya, CHANNEL, TEXT);

        assertAcknowledgedInTime(() -> slack.json(event));
        assertAcknowledgedInTime(() -> slack.jsonRetry(event, 1));
        assertAcknowledgedInTime(() -> slack.jsonRetry(event, 2));

        assertAnsweredExactly(1);
    }

    @Test
    void fiveDeliveriesOfTheSameEventAtOnceAreAnsweredOnce() throws Exception {
        // No retry headers at all: the dedupe must hold on the event id alone, even for a race.
        String event = payloads.directMessage(SlackPayloads.newEventId(), priya, CHANNEL, TEXT);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Duration>> deliveries = new ArrayList<>();
        try (ExecutorService senders = Executors.newFixedThreadPool(5)) {
            for (int i = 0; i < 5; i++) {
                deliveries.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    return acknowledgement(() -> slack.json(event));
                }, senders));
            }
            start.countDown();
            for (CompletableFuture<Duration> delivery : deliveries) {
                assertThat(delivery.get()).isLessThan(SLACKS_DEADLINE);
            }
        }

        assertAnsweredExactly(1);
    }

    @Test
    void aDifferentEventWithTheSameTextIsAnsweredAgain() {
        String firstId = SlackPayloads.newEventId();
        String first = payloads.directMessage(firstId, priya, CHANNEL, TEXT);
        String second = first.replace(firstId, SlackPayloads.newEventId());
        assertThat(second).isNotEqualTo(first);

        assertAcknowledgedInTime(() -> slack.json(first));
        await().atMost(Duration.ofSeconds(10)).until(() -> answers() == 1);
        assertAcknowledgedInTime(() -> slack.json(second));

        assertAnsweredExactly(2);
    }

    private static void assertAcknowledgedInTime(Supplier<HttpResponse<String>> delivery) {
        assertThat(acknowledgement(delivery)).as("time to acknowledge").isLessThan(SLACKS_DEADLINE);
    }

    /** Waits for the answers to arrive, then long enough to be sure no further one follows. */
    private void assertAnsweredExactly(int times) {
        await().atMost(Duration.ofSeconds(10)).until(() -> answers() >= times);
        await().during(SETTLE).atMost(SETTLE.plusSeconds(2)).until(this::answers, count -> count == times);
        assertThat(webApiCalls()).as("Web API calls besides the answers").isEqualTo(times);
    }

    /** All Web API calls but auth.test and apps.connections.open (another test's Socket Mode client reconnecting). */
    private static long webApiCalls() {
        return SlackStandIn.server().findAll(postRequestedFor(anyUrl())).stream()
                .map(request -> request.getUrl())
                .filter(url -> !url.equals("/api/auth.test") && !url.equals("/api/apps.connections.open"))
                .count();
    }

    private int answers() {
        return (int) calls("chat.postMessage").stream().filter(c -> CHANNEL.equals(c.get("channel"))).count();
    }

    /** Delivers, checks Slack would count it as acknowledged (2xx), and says how long that took. */
    private static Duration acknowledgement(Supplier<HttpResponse<String>> delivery) {
        long start = System.nanoTime();
        HttpResponse<String> response = delivery.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(response.statusCode()).as("acknowledgement status").isBetween(200, 299);
        return took;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
