package dev.stepwise.slack.webapi;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.stepwise.slack.webapi.WireMockSlack.TOKEN;
import static dev.stepwise.slack.webapi.WireMockSlack.form;
import static dev.stepwise.slack.webapi.WireMockSlack.millisBetween;
import static dev.stepwise.slack.webapi.WireMockSlack.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** A burst into one channel is spaced out; other channels go on. */
class ChannelPacingTest {

    /** 10 posts a second per channel, no burst: one every 100 ms. */
    private static final PacingRates.Rate CHANNEL_RATE = new PacingRates.Rate(10, Duration.ofSeconds(1), 1);
    /**
     * Method-wide, 10 a second with a burst of 3: enough for a channel's spaced posts plus one elsewhere, but a
     * pacer that booked the channel's future slots in the method bucket up front would hold the other channel up.
     */
    private static final PacingRates.Rate METHOD_RATE = new PacingRates.Rate(10, Duration.ofSeconds(1), 3);

    private static WireMockSlack slack;
    private SlackWebApi api;
    private ExecutorService workers;

    @BeforeAll
    static void startSlack() {
        slack = new WireMockSlack();
    }

    @AfterAll
    static void stopSlack() {
        slack.close();
    }

    @BeforeEach
    void newApi() {
        slack.reset();
        api = new SlackWebApi(slack.settings(PacingRates.uniform(METHOD_RATE, CHANNEL_RATE)), new TestClock());
        workers = Executors.newFixedThreadPool(6);
        slack.stub("chat.postMessage", ok("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000100\"}"));
    }

    @AfterEach
    void closeApi() throws Exception {
        workers.shutdownNow();
        api.close();
    }

    @Test
    void fivePostsToOneChannelAreSpacedWhileAnotherChannelIsNotHeldUp() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<String>> burst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String text = "burst " + i;
            burst.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return api.postMessage(TOKEN, "C0BUSY", null, text, null);
            }, workers));
        }
        start.countDown();
        waitUntil(() -> slack.requests("chat.postMessage").size() >= 2);

        long otherStart = System.nanoTime();
        api.postMessage(TOKEN, "C0QUIET", null, "elsewhere", null);
        long otherMillis = (System.nanoTime() - otherStart) / 1_000_000;
        CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

        List<LoggedRequest> busy = slack.requests("chat.postMessage").stream()
                .filter(r -> "C0BUSY".equals(form(r, "channel"))).toList();
        assertThat(busy).hasSize(5);
        // Slots are 100 ms apart. On a busy 2-core CI machine one late wake-up can shorten a single gap, so the
        // span of the burst is what's asserted: unpaced, five posts take a few milliseconds.
        assertThat(millisBetween(busy.getFirst(), busy.getLast())).isGreaterThanOrEqualTo(360L);
        LoggedRequest quiet = slack.requests("chat.postMessage").stream()
                .filter(r -> "C0QUIET".equals(form(r, "channel"))).findFirst().orElseThrow();
        assertThat(otherMillis).as("the other channel isn't queued behind the burst").isLessThan(250L);
        assertThat(millisBetween(quiet, busy.getLast())).isGreaterThanOrEqualTo(150L);
    }

    @Test
    void postsFromOneThreadToOneChannelAreSpacedToo() {
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            api.postMessage(TOKEN, "C0BUSY", null, "one by one " + i, null);
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMillis).isGreaterThanOrEqualTo(195L);
        List<LoggedRequest> posts = slack.requests("chat.postMessage");
        assertThat(millisBetween(posts.get(0), posts.get(2))).isGreaterThanOrEqualTo(160L);
    }

    /** Slots at 0, 100, 200… ms: with a 150 ms budget only the first two may wait for theirs. */
    @Test
    void aBurstThatWouldWaitBeyondTheBudgetFailsFastAsRateLimited() throws Exception {
        SlackWebApi.Settings base = slack.settings();
        try (SlackWebApi hurried = new SlackWebApi(new SlackWebApi.Settings(base.apiUrl(), Duration.ofMillis(150),
                base.maxAttempts(), base.initialBackoff(), base.maxBackoff(), base.httpTimeout(),
                PacingRates.uniform(new PacingRates.Rate(1000, Duration.ofSeconds(1), 100), CHANNEL_RATE)), new TestClock())) {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<String>> burst = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                burst.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    try {
                        hurried.postMessage(TOKEN, "C0OTHER", null, "burst", null);
                        return "posted";
                    } catch (SlackCallFailed e) {
                        return e.error();
                    }
                }, workers));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (CompletableFuture<String> f : burst) {
                results.add(f.get(5, TimeUnit.SECONDS));
            }
            assertThat(results).filteredOn("posted"::equals).hasSize(2);
            assertThat(results).filteredOn("rate_limited"::equals).hasSize(3);
            assertThat(slack.requests("chat.postMessage")).hasSize(2);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in time");
            }
            Thread.sleep(2);
        }
    }
}
