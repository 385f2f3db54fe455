package dev.stepwise.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code stepwise.llm.*}: an OpenAI-compatible chat endpoint. Off unless {@code base-url} and {@code model} are set;
 * the key comes from the environment ({@code STEPWISE_LLM_API_KEY}), never from a file in the repository.
 */
@ConfigurationProperties("stepwise.llm")
public record LlmProperties(String baseUrl, String apiKey, String model,
                            @DefaultValue("2500ms") Duration timeout,
                            @DefaultValue("400") int maxOutputTokens,
                            @DefaultValue("200000") long dailyTokensPerOrganisation,
                            @DefaultValue("5") int failuresBeforeOpen,
                            @DefaultValue("30s") Duration openFor,
                            @DefaultValue("16") int maxConcurrentCalls) {

    @Override
    public String toString() {
        return "LlmProperties[baseUrl=%s, model=%s, apiKey=%s]".formatted(baseUrl, model,
                apiKey == null || apiKey.isBlank() ? "(none)" : "(set)");
    }
}
