package dev.stepwise.core.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.stepwise.core.llm.LlmSettings;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * WireMock playing an OpenAI-compatible chat endpoint ({@code POST /v1/chat/completions}): answers with given text
 * and token usage, fails with a status, or answers too late. A request asking for a stream ({@code "stream": true})
 * gets the same text as server-sent events, a few characters an event, then the usage, as OpenAI sends them. What
 * was sent is kept for the test to read.
 */
public final class LlmStandIn implements AutoCloseable {

    private static final String PATH = "/v1/chat/completions";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());

    public LlmStandIn() {
        server.start();
    }

    /** Settings pointing at this stand-in, with the given timeout; other guards at their defaults. */
    public LlmSettings settings(Duration timeout) {
        return new LlmSettings(baseUrl(), "sk-test-not-a-real-key", "test-model", timeout, 0, 0, 0, null, 0);
    }

    public String baseUrl() {
        return server.baseUrl() + "/v1";
    }

    /** Every call answers {@code content}, reporting the given token usage. */
    public LlmStandIn answers(String content, int promptTokens, int completionTokens) {
        server.resetAll();
        server.stubFor(WireMock.post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(completion(content, promptTokens, completionTokens))));
        server.stubFor(streamed().willReturn(events(content, promptTokens, completionTokens)));
        return this;
    }

    /**
     * As {@link #answers}, but a streamed answer's events are spread evenly over {@code over}, in {@code parts} parts
     * (the first after {@code over / parts}), as a model writing takes a while.
     */
    public LlmStandIn writesSlowly(String content, int parts, Duration over) {
        answers(content, 10, 10);
        server.stubFor(streamed().willReturn(events(content, 10, 10).withChunkedDribbleDelay(parts, (int) over.toMillis())));
        return this;
    }

    /** Every call gets {@code status} with an OpenAI-style error body. */
    public LlmStandIn failsWith(int status) {
        server.resetAll();
        server.stubFor(WireMock.post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"stand-in failure\",\"type\":\"server_error\"}}")));
        return this;
    }

    /** Every call answers {@code content}, but only after {@code delay}. */
    public LlmStandIn answersAfter(Duration delay, String content) {
        server.resetAll();
        server.stubFor(WireMock.post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay((int) delay.toMillis())
                .withHeader("Content-Type", "application/json").withBody(completion(content, 10, 10))));
        server.stubFor(streamed().willReturn(events(content, 10, 10).withFixedDelay((int) delay.toMillis())));
        return this;
    }

    /** Calls asking for a stream; they take precedence over the plain stubs. */
    private static com.github.tomakehurst.wiremock.client.MappingBuilder streamed() {
        return WireMock.post(urlEqualTo(PATH)).atPriority(1)
                .withRequestBody(WireMock.matchingJsonPath("$.stream", WireMock.equalTo("true")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder events(String content, int promptTokens,
                                                                                           int completionTokens) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < content.length(); i += 6) {
            ObjectNode chunk = chunk();
            chunk.withArray("choices").addObject().put("index", 0)
                    .<ObjectNode>set("delta", JSON.createObjectNode().put("content", content.substring(i, Math.min(content.length(), i + 6))))
                    .putNull("finish_reason");
            body.append("data: ").append(chunk).append("\n\n");
        }
        ObjectNode last = chunk();
        last.withArray("choices").addObject().put("index", 0).<ObjectNode>set("delta", JSON.createObjectNode())
                .put("finish_reason", "stop");
        body.append("data: ").append(last).append("\n\n");
        ObjectNode usage = chunk();
        usage.putArray("choices");
        usage.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        body.append("data: ").append(usage).append("\n\n").append("data: [DONE]\n\n");
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body.toString());
    }

    private static ObjectNode chunk() {
        ObjectNode chunk = JSON.createObjectNode();
        chunk.put("id", "chatcmpl-standin").put("object", "chat.completion.chunk").put("created", 1_764_000_000L)
                .put("model", "test-model");
        return chunk;
    }

    /** Whether the last call asked for its answer as a stream. */
    public boolean lastCallStreamed() {
        List<LoggedRequest> calls = calls();
        return !calls.isEmpty() && JSON.readTree(calls.getLast().getBodyAsString()).path("stream").asBoolean(false);
    }

    public List<LoggedRequest> calls() {
        return server.findAll(postRequestedFor(urlEqualTo(PATH)));
    }

    /** The last call's messages, as "role: content" lines. */
    public String lastPrompt() {
        List<LoggedRequest> calls = calls();
        if (calls.isEmpty()) {
            return "";
        }
        var body = JSON.readTree(calls.getLast().getBodyAsString());
        StringBuilder out = new StringBuilder();
        body.get("messages").forEach(m -> out.append(m.get("role").asString()).append(": ")
                .append(m.get("content").asString()).append('\n'));
        return out.toString();
    }

    private static String completion(String content, int promptTokens, int completionTokens) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-standin").put("object", "chat.completion").put("created", 1_764_000_000L)
                .put("model", "test-model");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        body.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return body.toString();
    }

    @Override
    public void close() {
        server.stop();
    }
}
