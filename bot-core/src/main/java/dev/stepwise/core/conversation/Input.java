package dev.stepwise.core.conversation;

import java.util.Map;

/** What a person did: typed a message, ran a command, pressed a button, submitted a form or picked a message to give feedback on. */
public sealed interface Input {

    /** Plain language typed in a chat (a DM, a mention with the mention removed, a playground message). */
    record Message(String text) implements Input {
    }

    /** A slash command or command-menu entry; {@code text} is everything after the command name. */
    record Command(String name, String text) implements Input {
    }

    record ButtonPressed(String actionId, String value) implements Input {
    }

    /**
     * "Give feedback on this message": a chat message someone wants to give its author feedback on.
     *
     * @param author the person who wrote the message (already mapped by the adapter)
     * @param text   the message's text as shown to people (may be empty)
     * @param link   a link back to the message, or null
     */
    record FeedbackOnMessage(java.util.UUID author, String text, String link) implements Input {
        public FeedbackOnMessage {
            java.util.Objects.requireNonNull(author, "author");
            text = text == null ? "" : text;
        }
    }

    record FormSubmitted(String formId, Map<String, String> values) implements Input {
        public FormSubmitted {
            values = Map.copyOf(values);
        }
    }
}
