package dev.stepwise.core.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.TokenUsage;
import dev.stepwise.core.llm.LlmReply.Why;
import dev.stepwise.prompts.RenderedPrompt;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one way the core asks an LLM anything: an OpenAI-compatible chat endpoint through LangChain4j, guarded so that
 * a slow, failing or expensive model never holds anyone up. Every call either returns the model's text within the
 * configured timeout or says why not ({@link LlmReply.Unavailable}), and the caller answers without it.
 *
 * <p>Guards, in order: configured at all; the organisation's daily token budget ({@link TokenBudget}, shared through
 * Redis); the circuit breaker ({@link CircuitBreaker}); a cap on calls in flight; and a hard deadline on the call
 * itself (the HTTP client's own timeout as well). LangChain4j's retries are off: a retry would not fit the deadline.
 * A streamed call ({@link #stream}) has the same guards, with the deadline on the first words and on every pause
 * between them, and {@value #STREAM_TIMEOUTS} timeouts for the whole answer.
 *
 * <p>Metrics (Micrometer): timer {@code stepwise.llm.calls} tagged {@code prompt} and {@code outcome}, counter
 * {@code stepwise.llm.tokens} tagged {@code prompt} and {@code kind} (input, output). Logs name the prompt, outcome,
 * time and tokens; never the prompt's text, the answer or the key.
 */
@Component
public class Llm implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Llm.class);

    private final LlmSettings settings;
    /** A streamed answer may take this many timeouts in all, as long as its words keep coming. */
    static final int STREAM_TIMEOUTS = 8;

    private final ChatModel model;
    private final StreamingChatModel streamingModel;
    private final TokenBudget budget;
    private final CircuitBreaker breaker;
    private final Semaphore inFlight;
    private final MeterRegistry meters;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    public Llm(ObjectProvider<LlmSettings> settings, StatefulRedisConnection<String, String> redis, Clock clock,
               ObjectProvider<MeterRegistry> meters) {
        this.settings = settings.getIfAvailable(LlmSettings::disabled);
        this.model = this.settings.enabled() ? chatModel(this.settings) : null;
        this.streamingModel = this.settings.enabled() ? streamingChatModel(this.settings) : null;
        this.budget = new TokenBudget(redis, clock, this.settings.dailyTokensPerOrganisation());
        this.breaker = new CircuitBreaker(clock, this.settings.failuresBeforeOpen(), this.settings.openFor());
        this.inFlight = new Semaphore(this.settings.maxConcurrentCalls());
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
        if (this.settings.enabled()) {
            log.info("LLM on: model {} at {}, timeout {}", this.settings.model(), this.settings.baseUrl(), this.settings.timeout());
        }
    }

    public boolean enabled() {
        return model != null;
    }

    /** Sends the prompt for {@code organisationId}; never throws for anything the endpoint does. */
    public LlmReply write(UUID organisationId, RenderedPrompt prompt) {
        if (model == null) {
            return LlmReply.unavailable(Why.NOT_CONFIGURED);
        }
        long started = System.nanoTime();
        LlmReply reply = guarded(organisationId, prompt, this::call);
        record(prompt, reply, System.nanoTime() - started);
        return reply;
    }

    /**
     * As {@link #write}, streamed: {@code soFar} is given the whole text written so far each time more arrives (on the
     * model client's thread; keep it quick). The reply is the same as {@link #write}'s: the whole text, or why there is
     * none; when the stream breaks off, whatever {@code soFar} was shown is not an answer.
     */
    public LlmReply stream(UUID organisationId, RenderedPrompt prompt, Consumer<String> soFar) {
        if (streamingModel == null) {
            return LlmReply.unavailable(Why.NOT_CONFIGURED);
        }
        long started = System.nanoTime();
        LlmReply reply = guarded(organisationId, prompt, p -> streamed(p, soFar));
        record(prompt, reply, System.nanoTime() - started);
        return reply;
    }

    private LlmReply guarded(UUID organisationId, RenderedPrompt prompt, Function<RenderedPrompt, LlmReply> call) {
        if (!budget.hasRoom(organisationId)) {
            return LlmReply.unavailable(Why.BUDGET_SPENT);
        }
        if (!inFlight.tryAcquire()) {
            return LlmReply.unavailable(Why.BUSY);
        }
        try {
            if (!breaker.allow()) {
                return LlmReply.unavailable(Why.CIRCUIT_OPEN);
            }
            LlmReply reply = call.apply(prompt);
            if (reply instanceof LlmReply.Written written) {
                breaker.succeeded();
                budget.spend(organisationId, (long) written.inputTokens() + written.outputTokens());
            } else {
                breaker.failed();
            }
            return reply;
        } finally {
            inFlight.release();
        }
    }

    private LlmReply call(RenderedPrompt prompt) {
        ChatRequest request = request(prompt);
        Future<ChatResponse> answer = calls.submit(() -> model.chat(request));
        try {
            return written(prompt, answer.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            answer.cancel(true);
            log.warn("LLM took longer than {} for {}; answering without it", settings.timeout(), prompt.id());
            return LlmReply.unavailable(Why.TIMEOUT);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return LlmReply.unavailable(Why.FAILED);
        } catch (ExecutionException e) {
            return failure(prompt, e.getCause());
        }
    }

    private static ChatRequest request(RenderedPrompt prompt) {
        return ChatRequest.builder()
                .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
                .build();
    }

    private static LlmReply written(RenderedPrompt prompt, ChatResponse response) {
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            log.warn("LLM gave an empty answer to {}", prompt.id());
            return LlmReply.unavailable(Why.FAILED);
        }
        TokenUsage usage = response.tokenUsage();
        int in = usage == null || usage.inputTokenCount() == null ? estimate(prompt.system() + prompt.user()) : usage.inputTokenCount();
        int out = usage == null || usage.outputTokenCount() == null ? estimate(text) : usage.outputTokenCount();
        return new LlmReply.Written(text, in, out);
    }

    private LlmReply streamed(RenderedPrompt prompt, Consumer<String> soFar) {
        ChatRequest request = request(prompt);
        CompletableFuture<ChatResponse> answer = new CompletableFuture<>();
        AtomicLong lastWords = new AtomicLong(System.nanoTime());
        AtomicReference<StreamingHandle> handle = new AtomicReference<>();
        StringBuilder text = new StringBuilder();
        StreamingChatResponseHandler handler = new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                handle.set(context.streamingHandle());
                if (answer.isDone()) {
                    context.streamingHandle().cancel();
                    return;
                }
                lastWords.set(System.nanoTime());
                text.append(partial.text());
                try {
                    soFar.accept(text.toString());
                } catch (RuntimeException failure) {
                    log.warn("Showing a streamed answer to {} failed ({}); it goes on", prompt.id(), failure.getClass().getSimpleName());
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                answer.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                answer.completeExceptionally(error);
            }
        };
        // Off this thread: the client may hold it until the response starts, and this thread keeps the deadline.
        calls.submit(() -> {
            try {
                streamingModel.chat(request, handler);
            } catch (RuntimeException failure) {
                answer.completeExceptionally(failure);
            }
        });
        long pause = settings.timeout().toNanos();
        long end = System.nanoTime() + pause * STREAM_TIMEOUTS;
        try {
            while (true) {
                long now = System.nanoTime();
                long wait = Math.min(lastWords.get() + pause, end) - now;
                if (wait <= 0) {
                    throw new TimeoutException();
                }
                try {
                    return written(prompt, answer.get(wait, TimeUnit.NANOSECONDS));
                } catch (TimeoutException stillWriting) {
                    // Words arrived while waiting: wait for the next pause to run out; otherwise the loop ends it.
                }
            }
        } catch (TimeoutException e) {
            answer.cancel(true);
            if (handle.get() != null) {
                handle.get().cancel();
            }
            log.warn("LLM stopped writing for longer than {} (or took longer than {} in all) for {}; answering without it",
                    settings.timeout(), settings.timeout().multipliedBy(STREAM_TIMEOUTS), prompt.id());
            return LlmReply.unavailable(Why.TIMEOUT);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return LlmReply.unavailable(Why.FAILED);
        } catch (ExecutionException e) {
            return failure(prompt, e.getCause());
        }
    }

    private static LlmReply failure(RenderedPrompt prompt, Throwable cause) {
        if (cause instanceof RateLimitException) {
            log.warn("LLM refused {} with 429 (rate limited); answering without it", prompt.id());
            return LlmReply.unavailable(Why.RATE_LIMITED);
        }
        if (cause instanceof dev.langchain4j.exception.TimeoutException) {
            log.warn("LLM call for {} timed out; answering without it", prompt.id());
            return LlmReply.unavailable(Why.TIMEOUT);
        }
        String status = cause instanceof HttpException http ? " with HTTP " + http.statusCode() : "";
        log.warn("LLM call for {} failed{} ({}); answering without it", prompt.id(), status, cause.getClass().getSimpleName());
        return LlmReply.unavailable(Why.FAILED);
    }

    private void record(RenderedPrompt prompt, LlmReply reply, long nanos) {
        String outcome = reply instanceof LlmReply.Unavailable unavailable ? unavailable.why().name().toLowerCase() : "written";
        Timer.builder("stepwise.llm.calls").description("LLM calls by prompt and outcome")
                .tag("prompt", prompt.name()).tag("outcome", outcome).publishPercentiles(0.5, 0.95, 0.99)
                .register(meters).record(nanos, TimeUnit.NANOSECONDS);
        if (reply instanceof LlmReply.Written written) {
            tokens(prompt, "input").increment(written.inputTokens());
            tokens(prompt, "output").increment(written.outputTokens());
            log.info("LLM wrote {} in {} ms ({} tokens in, {} out)", prompt.id(), nanos / 1_000_000,
                    written.inputTokens(), written.outputTokens());
        } else {
            log.info("LLM not used for {}: {} after {} ms", prompt.id(), outcome, nanos / 1_000_000);
        }
    }

    private Counter tokens(RenderedPrompt prompt, String kind) {
        return Counter.builder("stepwise.llm.tokens").description("LLM tokens by prompt, in and out")
                .tag("prompt", prompt.name()).tag("kind", kind).register(meters);
    }

    /** Tokens used today by the organisation, as the budget counts them. */
    public long tokensUsedToday(UUID organisationId) {
        return budget.spentToday(organisationId);
    }

    /** About four characters a token, for endpoints that report no usage. */
    private static int estimate(String text) {
        return Math.max(1, text.length() / 4);
    }

    private static ChatModel chatModel(LlmSettings settings) {
        return OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey().isEmpty() ? "none" : settings.apiKey())
                .modelName(settings.model())
                .timeout(settings.timeout())
                .maxRetries(0)
                .maxTokens(settings.maxOutputTokens())
                .temperature(0.2)
                .build();
    }

    private static StreamingChatModel streamingChatModel(LlmSettings settings) {
        return OpenAiStreamingChatModel.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey().isEmpty() ? "none" : settings.apiKey())
                .modelName(settings.model())
                .timeout(settings.timeout().multipliedBy(STREAM_TIMEOUTS))
                .maxTokens(settings.maxOutputTokens())
                .temperature(0.2)
                .build();
    }

    @Override
    public void destroy() {
        calls.shutdownNow();
    }
}
