package dev.stepwise.prompts;

/** A prompt with its inputs filled in, ready to send: instructions as the system message, data as the user message. */
public record RenderedPrompt(String name, int version, String system, String user) {

    /** {@code name.vN}, as written in logs and metrics. */
    public String id() {
        return name + ".v" + version;
    }
}
