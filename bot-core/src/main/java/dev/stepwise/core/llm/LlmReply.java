package dev.stepwise.core.llm;

/** What came of asking the LLM: its text, or why there is none (the caller then answers without it). */
public sealed interface LlmReply {

    record Written(String text, int inputTokens, int outputTokens) implements LlmReply {
    }

    record Unavailable(Why why) implements LlmReply {
    }

    enum Why {
        /** No LLM is configured. */
        NOT_CONFIGURED,
        /** The organisation has used today's tokens. */
        BUDGET_SPENT,
        /** Recent calls failed; calls are paused for a while. */
        CIRCUIT_OPEN,
        /** Too many calls are in flight. */
        BUSY,
        /** No answer within the timeout. */
        TIMEOUT,
        /** The endpoint said 429. */
        RATE_LIMITED,
        /** Any other failure: 5xx, refused connection, an empty or unreadable answer. */
        FAILED
    }

    static LlmReply unavailable(Why why) {
        return new Unavailable(why);
    }
}
