package dev.stepwise.core.evaluation;

import dev.stepwise.core.llm.Llm;
import dev.stepwise.core.llm.LlmReply;
import dev.stepwise.core.llm.LlmSettings;
import dev.stepwise.prompts.RenderedPrompt;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The product's {@link Llm}, unchanged, keeping each call's raw reply (plain or streamed) and how long it took, so the harness can judge the
 * model's own output beside what {@code GroundedGuidance} lets through. The token budget is off (the settings say 0).
 */
final class RecordingLlm extends Llm {

    record Call(RenderedPrompt prompt, LlmReply reply, long nanos) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    RecordingLlm(LlmSettings settings, StatefulRedisConnection<String, String> redis) {
        this(beans(settings), redis);
    }

    private RecordingLlm(StaticListableBeanFactory beans, StatefulRedisConnection<String, String> redis) {
        super(beans.getBeanProvider(LlmSettings.class), redis, Clock.systemUTC(), beans.getBeanProvider(MeterRegistry.class));
    }

    @Override
    public LlmReply write(UUID organisationId, RenderedPrompt prompt) {
        long started = System.nanoTime();
        LlmReply reply = super.write(organisationId, prompt);
        calls.add(new Call(prompt, reply, System.nanoTime() - started));
        return reply;
    }

    /** Just-in-time help streams its answer; the raw reply is the whole text, as for {@link #write}. */
    @Override
    public LlmReply stream(UUID organisationId, RenderedPrompt prompt, Consumer<String> soFar) {
        long started = System.nanoTime();
        LlmReply reply = super.stream(organisationId, prompt, soFar);
        calls.add(new Call(prompt, reply, System.nanoTime() - started));
        return reply;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    private static StaticListableBeanFactory beans(LlmSettings settings) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("settings", settings);
        beans.addBean("meters", new SimpleMeterRegistry());
        return beans;
    }
}
