package dev.stepwise.slack.webapi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.stepwise.slack.webapi.WireMockSlack.TOKEN;
import static dev.stepwise.slack.webapi.WireMockSlack.json;
import static dev.stepwise.slack.webapi.WireMockSlack.method;
import static dev.stepwise.slack.webapi.WireMockSlack.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Waits measured on an injected ticker: long Retry-After values without slow tests. */
class ClockSeamTest {

    private static final String DM = "{\"ok\":true,\"channel\":{\"id\":\"D1\"}}";

    private static WireMockSlack slack;
    private final TestClock clock = new TestClock();
    private SlackWebApi api;

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
        SlackWebApi.Settings base = slack.settings();
        api = new SlackWebApi(new SlackWebApi.Settings(base.apiUrl(), Duration.ofSeconds(10), 4,
                Duration.ofSeconds(1), Duration.ofSeconds(4), base.httpTimeout(), PacingRates.slackDefaults()),
                clock, clock, clock.sleeper());
    }

    @AfterEach
    void closeApi() throws Exception {
        api.close();
    }

    private void rateLimitOnceThenOk(String retryAfter) {
        slack.server.stubFor(method("conversations.open").inScenario("open").whenScenarioStateIs(STARTED)
                .willReturn(json(429, "{\"ok\":false,\"error\":\"ratelimited\"}").withHeader("Retry-After", retryAfter))
                .willSetStateTo("ok"));
        slack.server.stubFor(method("conversations.open").inScenario("open").whenScenarioStateIs("ok")
                .willReturn(ok(DM)));
    }

    @Test
    void theRetryWaitsExactlyRetryAfterOnTheClock() {
        rateLimitOnceThenOk("7");

        long start = System.nanoTime();
        assertThat(api.openDm(TOKEN, "U1")).isEqualTo("D1");

        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(7));
        assertThat(slack.requests("conversations.open")).hasSize(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aRetryAfterBeyondMaxRetryWaitIsNotWaitedFor() {
        rateLimitOnceThenOk("11");

        SlackCallFailed failure = catchThrowableOfType(SlackCallFailed.class, () -> api.openDm(TOKEN, "U1"));

        assertThat(failure.error()).isEqualTo("rate_limited");
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(11));
        assertThat(clock.sleeps()).isEmpty();
        assertThat(slack.requests("conversations.open")).hasSize(1);
    }

    @Test
    void backoffDoublesWithJitterAndStopsAtTheBudget() {
        slack.stub("users.info", json(500, ""));

        SlackCallFailed failure = catchThrowableOfType(SlackCallFailed.class, () -> api.userInfo(TOKEN, "U1"));

        assertThat(failure.error()).isEqualTo("http_500");
        assertThat(clock.sleeps()).hasSize(3);
        assertThat(clock.sleeps().get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(clock.sleeps().get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(clock.sleeps().get(2)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(slack.requests("users.info")).hasSize(4);
    }

    @Test
    void slackDefaultsSpaceAChannelsPostsOneSecondApart() {
        slack.stub("chat.postMessage", ok("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000100\"}"));

        for (int i = 0; i < 3; i++) {
            api.postMessage(TOKEN, "C1", null, "post " + i, null);
        }
        api.postMessage(TOKEN, "C2", null, "elsewhere", null);

        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }
}
