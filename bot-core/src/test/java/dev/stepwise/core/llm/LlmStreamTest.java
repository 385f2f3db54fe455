package dev.stepwise.core.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.llm.LlmReply.Why;
import dev.stepwise.core.testing.LlmStandIn;
import dev.stepwise.core.testing.RealServers;
import dev.stepwise.core.testing.TestClock;
import dev.stepwise.prompts.RenderedPrompt;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Streamed answers from the guarded LLM client, against WireMock sending server-sent events as an OpenAI-compatible
 * endpoint does: the text grows as it arrives, the tokens and budget count as for a plain call, a model that doesn't
 * start is cut off at the timeout, and one that writes on and on at eight timeouts in all.
 */
class LlmStreamTest {

    private static final RenderedPrompt PROMPT = new RenderedPrompt("test-prompt", 1, "Be brief.", "Say hello.");
    private static final String ANSWER = "First, breathe. Second, open with the facts. Third, listen.";

    private final LlmStandIn standIn = new LlmStandIn();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final UUID org = UUID.randomUUID();
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        standIn.close();
    }

    private Llm llm(Duration timeout, long dailyTokens) {
        var beans = new StaticListableBeanFactory();
        beans.addBean("settings", new LlmSettings(standIn.baseUrl(), "sk-test-not-a-real-key", "test-model", timeout, 0,
                dailyTokens, 5, Duration.ofSeconds(30), 0));
        beans.addBean("meters", meters);
        return new Llm(beans.getBeanProvider(LlmSettings.class), RealServers.get().connectRedis(),
                TestClock.atBase(), beans.getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class));
    }

    @Test
    void theTextGrowsAsItArrivesAndTheWholeOfItIsTheReply() {
        standIn.answers(ANSWER, 21, 13);

        LlmReply reply = llm(Duration.ofMillis(800), 0).stream(org, PROMPT, seen::add);

        assertThat(reply).isEqualTo(new LlmReply.Written(ANSWER, 21, 13));
        assertThat(standIn.lastCallStreamed()).isTrue();
        assertThat(standIn.lastPrompt()).isEqualTo("system: Be brief.\nuser: Say hello.\n");
        assertThat(seen).as("several growing texts, each the start of the next").hasSizeGreaterThan(3);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i)).startsWith(seen.get(i - 1)).isNotEqualTo(seen.get(i - 1));
        }
        assertThat(seen.getLast()).isEqualTo(ANSWER);
        assertThat(meters.get("stepwise.llm.tokens").tag("kind", "output").counter().count()).isEqualTo(13);
    }

    @Test
    void aStreamThatKeepsComingMayTakeLongerThanOneTimeoutInAll() {
        standIn.writesSlowly(ANSWER, 6, Duration.ofMillis(2400));
        Llm llm = llm(Duration.ofMillis(800), 0);

        long started = System.nanoTime();
        LlmReply reply = llm.stream(org, PROMPT, seen::add);

        assertThat(reply).isInstanceOf(LlmReply.Written.class);
        assertThat(((LlmReply.Written) reply).text()).isEqualTo(ANSWER);
        assertThat((System.nanoTime() - started) / 1_000_000).as("longer than one timeout").isGreaterThan(1500);
        assertThat(seen).as("text arrived in parts, over time").hasSizeGreaterThan(2);
    }

    @Test
    void aModelThatGoesOnTooLongIsCutOffPartWayAndReportedAsATimeout() {
        // Words every 500 ms (within the 1 s timeout), but 10 s in all: more than 8 timeouts (8 s).
        String longAnswer = ANSWER.repeat(5);
        standIn.writesSlowly(longAnswer, 20, Duration.ofSeconds(10));
        Llm llm = llm(Duration.ofSeconds(1), 0);

        long started = System.nanoTime();
        LlmReply reply = llm.stream(org, PROMPT, seen::add);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(reply).isEqualTo(new LlmReply.Unavailable(Why.TIMEOUT));
        assertThat(seen).as("it had begun").isNotEmpty();
        assertThat(seen.getLast()).isNotEqualTo(longAnswer);
        assertThat(tookMillis).isBetween(7500L, 9500L);
        assertThat(meters.get("stepwise.llm.calls").tag("outcome", "timeout").timer().count()).isEqualTo(1);
    }

    @Test
    void aModelThatDoesntStartIsCutOffAtTheTimeout() {
        standIn.answersAfter(Duration.ofSeconds(4), ANSWER);
        Llm llm = llm(Duration.ofMillis(800), 0);

        long started = System.nanoTime();
        LlmReply reply = llm.stream(org, PROMPT, seen::add);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(reply).isEqualTo(new LlmReply.Unavailable(Why.TIMEOUT));
        assertThat(tookMillis).isBetween(700L, 2000L);
        assertThat(seen).isEmpty();
    }

    @Test
    void errorsAreReportedNotThrownAndTheBudgetIsCheckedFirst() {
        Llm llm = llm(Duration.ofMillis(800), 30);

        standIn.failsWith(500);
        assertThat(llm.stream(org, PROMPT, seen::add)).isEqualTo(new LlmReply.Unavailable(Why.FAILED));
        standIn.failsWith(429);
        assertThat(llm.stream(org, PROMPT, seen::add)).isEqualTo(new LlmReply.Unavailable(Why.RATE_LIMITED));

        standIn.answers(ANSWER, 21, 13);
        assertThat(llm.stream(org, PROMPT, seen::add)).isInstanceOf(LlmReply.Written.class);
        assertThat(llm.tokensUsedToday(org)).isEqualTo(34);
        assertThat(llm.stream(org, PROMPT, seen::add)).as("30 tokens a day, 34 spent")
                .isEqualTo(new LlmReply.Unavailable(Why.BUDGET_SPENT));
        assertThat(standIn.calls()).hasSize(1);
    }
}
