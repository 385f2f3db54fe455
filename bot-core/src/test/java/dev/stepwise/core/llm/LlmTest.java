package dev.stepwise.core.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.llm.LlmReply.Why;
import dev.stepwise.core.testing.LlmStandIn;
import dev.stepwise.core.testing.RealServers;
import dev.stepwise.core.testing.TestClock;
import dev.stepwise.prompts.RenderedPrompt;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The guarded LLM client against WireMock playing an OpenAI-compatible endpoint, with real Redis for the budget. */
class LlmTest {

    private static final RenderedPrompt PROMPT = new RenderedPrompt("test-prompt", 1, "Be brief.", "Say hello.");

    private final LlmStandIn standIn = new LlmStandIn();
    private final TestClock clock = TestClock.atBase();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final UUID org = UUID.randomUUID();

    @AfterEach
    void stop() {
        standIn.close();
    }

    private Llm llm(LlmSettings settings) {
        var beans = new StaticListableBeanFactory();
        beans.addBean("settings", settings);
        beans.addBean("meters", meters);
        return new Llm(beans.getBeanProvider(LlmSettings.class), RealServers.get().connectRedis(), clock,
                beans.getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class));
    }

    private LlmSettings settings(long dailyTokens, int failuresBeforeOpen) {
        return new LlmSettings(standIn.baseUrl(), "sk-test-not-a-real-key", "test-model", Duration.ofMillis(800), 0,
                dailyTokens, failuresBeforeOpen, Duration.ofSeconds(30), 0);
    }

    @Test
    void returnsTheModelsTextWithItsTokensAndSendsThePromptAsSystemAndUserMessages() {
        standIn.answers("Hello!", 12, 3);

        LlmReply reply = llm(settings(0, 5)).write(org, PROMPT);

        assertThat(reply).isEqualTo(new LlmReply.Written("Hello!", 12, 3));
        assertThat(standIn.lastPrompt()).isEqualTo("system: Be brief.\nuser: Say hello.\n");
        assertThat(standIn.calls().getFirst().getHeader("Authorization")).isEqualTo("Bearer sk-test-not-a-real-key");
        assertThat(meters.get("stepwise.llm.calls").tag("prompt", "test-prompt").tag("outcome", "written").timer().count()).isEqualTo(1);
        assertThat(meters.get("stepwise.llm.calls.percentile").tag("outcome", "written").tag("phi", "0.95").gauge().value())
                .as("latency percentiles are published").isPositive();
        assertThat(meters.get("stepwise.llm.tokens").tag("kind", "input").counter().count()).isEqualTo(12);
        assertThat(meters.get("stepwise.llm.tokens").tag("kind", "output").counter().count()).isEqualTo(3);
    }

    @Test
    void serverErrorsAndRateLimitsAreReportedNotThrownAndNotRetried() {
        Llm llm = llm(settings(0, 5));

        standIn.failsWith(503);
        assertThat(llm.write(org, PROMPT)).isEqualTo(new LlmReply.Unavailable(Why.FAILED));
        assertThat(standIn.calls()).hasSize(1);

        standIn.failsWith(429);
        assertThat(llm.write(org, PROMPT)).isEqualTo(new LlmReply.Unavailable(Why.RATE_LIMITED));
        assertThat(standIn.calls()).hasSize(1);
        assertThat(meters.get("stepwise.llm.calls").tag("outcome", "rate_limited").timer().count()).isEqualTo(1);
    }

    @Test
    void aSlowModelIsCutOffAtTheTimeout() {
        standIn.answersAfter(Duration.ofSeconds(4), "too late");

        long started = System.nanoTime();
        LlmReply reply = llm(settings(0, 5)).write(org, PROMPT);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(reply).isEqualTo(new LlmReply.Unavailable(Why.TIMEOUT));
        assertThat(tookMillis).as("answered without the LLM soon after the 800 ms timeout").isBetween(700L, 2000L);
    }

    @Test
    void afterRepeatedFailuresTheCircuitOpensThenOneTrialCallClosesIt() {
        Llm llm = llm(settings(0, 2));
        standIn.failsWith(500);
        llm.write(org, PROMPT);
        llm.write(org, PROMPT);

        assertThat(llm.write(org, PROMPT)).isEqualTo(new LlmReply.Unavailable(Why.CIRCUIT_OPEN));
        assertThat(standIn.calls()).as("no call while open").hasSize(2);

        clock.advance(Duration.ofSeconds(31));
        standIn.answers("Back again", 5, 2);
        assertThat(llm.write(org, PROMPT)).isInstanceOf(LlmReply.Written.class);
        assertThat(llm.write(org, PROMPT)).isInstanceOf(LlmReply.Written.class);
    }

    @Test
    void aFailedTrialCallOpensTheCircuitAgain() {
        Llm llm = llm(settings(0, 1));
        standIn.failsWith(500);
        llm.write(org, PROMPT);
        clock.advance(Duration.ofSeconds(31));

        assertThat(llm.write(org, PROMPT)).isEqualTo(new LlmReply.Unavailable(Why.FAILED));
        assertThat(llm.write(org, PROMPT)).isEqualTo(new LlmReply.Unavailable(Why.CIRCUIT_OPEN));
        assertThat(standIn.calls()).as("the first failure and the trial; nothing after").hasSize(2);
    }

    @Test
    void anOrganisationThatUsedItsDailyTokensIsRefusedUntilTheNextDayWhileOthersCarryOn() {
        Llm llm = llm(settings(100, 5));
        standIn.answers("A long answer", 90, 30);

        assertThat(llm.write(org, PROMPT)).isInstanceOf(LlmReply.Written.class);
        assertThat(llm.tokensUsedToday(org)).isEqualTo(120);
        assertThat(llm.write(org, PROMPT)).isEqualTo(new LlmReply.Unavailable(Why.BUDGET_SPENT));
        assertThat(standIn.calls()).as("no call over budget").hasSize(1);

        assertThat(llm.write(UUID.randomUUID(), PROMPT)).as("another organisation").isInstanceOf(LlmReply.Written.class);

        clock.advance(Duration.ofDays(1));
        assertThat(llm.write(org, PROMPT)).as("the next UTC day").isInstanceOf(LlmReply.Written.class);
    }

    @Test
    void withoutABaseUrlNothingIsCalled() {
        Llm llm = llm(LlmSettings.disabled());

        assertThat(llm.enabled()).isFalse();
        assertThat(llm.write(org, PROMPT)).isEqualTo(new LlmReply.Unavailable(Why.NOT_CONFIGURED));
        assertThat(standIn.calls()).isEmpty();
    }

    @Test
    void theKeyNeverAppearsInTheSettingsText() {
        assertThat(settings(0, 5).toString()).doesNotContain("sk-test").contains("apiKey=(set)");
    }
}
