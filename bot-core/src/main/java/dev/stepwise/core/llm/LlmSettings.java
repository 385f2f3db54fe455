package dev.stepwise.core.llm;

import java.time.Duration;

/**
 * How to reach an OpenAI-compatible chat endpoint (bound from {@code stepwise.llm.*} by the assembly). With no base
 * URL or model the LLM is off and every feature uses its answer without one.
 *
 * @param baseUrl                    e.g. {@code https://api.openai.com/v1}, or a local server's {@code /v1}
 * @param apiKey                     sent as a bearer token; never logged (see {@link #toString()})
 * @param model                      the model name the endpoint knows
 * @param timeout                    the longest a call may take before the answer without an LLM is used instead
 * @param maxOutputTokens            the most tokens one answer may have
 * @param dailyTokensPerOrganisation tokens (in and out) an organisation may use per UTC day; 0 means no limit
 * @param failuresBeforeOpen         consecutive failures after which calls stop for {@code openFor}
 * @param openFor                    how long calls stop after that, before one trial call is let through
 * @param maxConcurrentCalls         calls in flight at once; more wait for nobody and get the answer without an LLM
 */
public record LlmSettings(String baseUrl, String apiKey, String model, Duration timeout, int maxOutputTokens,
                          long dailyTokensPerOrganisation, int failuresBeforeOpen, Duration openFor, int maxConcurrentCalls) {

    public LlmSettings {
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        apiKey = apiKey == null ? "" : apiKey.strip();
        model = model == null ? "" : model.strip();
        timeout = timeout == null ? Duration.ofMillis(2500) : timeout;
        maxOutputTokens = maxOutputTokens < 1 ? 400 : maxOutputTokens;
        dailyTokensPerOrganisation = Math.max(0, dailyTokensPerOrganisation);
        failuresBeforeOpen = failuresBeforeOpen < 1 ? 5 : failuresBeforeOpen;
        openFor = openFor == null ? Duration.ofSeconds(30) : openFor;
        maxConcurrentCalls = maxConcurrentCalls < 1 ? 16 : maxConcurrentCalls;
    }

    /** No LLM: every feature answers without one. */
    public static LlmSettings disabled() {
        return new LlmSettings("", "", "", null, 0, 0, 0, null, 0);
    }

    public boolean enabled() {
        return !baseUrl.isEmpty() && !model.isEmpty();
    }

    @Override
    public String toString() {
        return "LlmSettings[baseUrl=%s, apiKey=%s, model=%s, timeout=%s, maxOutputTokens=%d, dailyTokensPerOrganisation=%d, failuresBeforeOpen=%d, openFor=%s, maxConcurrentCalls=%d]"
                .formatted(baseUrl, apiKey.isEmpty() ? "(none)" : "(set)", model, timeout, maxOutputTokens,
                        dailyTokensPerOrganisation, failuresBeforeOpen, openFor, maxConcurrentCalls);
    }
}
