package dev.stepwise.core.conversation;

import java.util.Map;

/** What a person did: typed a message, ran a command, pressed a button or submitted a form. */
public sealed interface Input {

    /** Plain language typed in a chat (a DM, a mention with the mention removed, a playground message). */
    record Message(String text) implements Input {
    }

    /** A slash command or command-menu entry; {@code text} is everything after the command name. */
    record Command(String name, String text) implements Input {
    }

    record ButtonPressed(String actionId, String value) implements Input {
    }

    record FormSubmitted(String formId, Map<String, String> values) implements Input {
        public FormSubmitted {
            values = Map.copyOf(values);
        }
    }
}
