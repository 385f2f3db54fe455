package dev.stepwise.core.llm;

import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Helpers for what goes into a prompt and what comes back: text people typed, fenced so it can't pose as markup of
 * the prompt, and the one JSON object a model was asked to answer with, found even when it talks around it.
 */
public final class ModelOutput {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ModelOutput() {
    }

    /** The first '{' to the last '}' of the answer as a JSON object, or empty when there is none. */
    public static Optional<JsonNode> jsonObject(String answer) {
        int start = answer.indexOf('{');
        int end = answer.lastIndexOf('}');
        if (start < 0 || end <= start) {
            return Optional.empty();
        }
        try {
            JsonNode json = JSON.readTree(answer.substring(start, end + 1));
            return json.isObject() ? Optional.of(json) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Typed text for inside a prompt's fences: angle brackets become look-alikes, so no tag can be closed or opened. */
    public static String fenced(String typed) {
        return typed == null ? "" : typed.replace('<', '\u2039').replace('>', '\u203A');
    }
}
