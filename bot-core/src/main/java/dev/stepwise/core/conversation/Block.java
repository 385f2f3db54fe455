package dev.stepwise.core.conversation;

import java.util.List;
import java.util.Objects;

/**
 * The neutral building blocks of every reply. Each channel renders each block natively or degrades it
 * on purpose to text; flows never know which channel they talk to.
 */
public sealed interface Block {

    /** Text in the core's markdown subset: {@code **bold**}, {@code _italic_}, {@code `code`}, {@code [label](url)}, "- " bullets. */
    record Text(String markdown) implements Block {
        public Text {
            Objects.requireNonNull(markdown, "markdown");
        }
    }

    /** Buttons; pressing one sends {@link Input.ButtonPressed} with the choice's action id and value. */
    record Choices(String prompt, List<Choice> choices) implements Block {
        public Choices {
            choices = List.copyOf(choices);
        }
    }

    record Choice(String label, String actionId, String value, Style style) {
        public enum Style { PRIMARY, DEFAULT, DANGER }

        public static Choice of(String label, String actionId, String value) {
            return new Choice(label, actionId, value, Style.DEFAULT);
        }
    }

    /** A form; submitting it sends {@link Input.FormSubmitted} with the form id and every field's value. */
    record Form(String formId, String title, List<Field> fields, String submitLabel) implements Block {
        public Form {
            fields = List.copyOf(fields);
        }
    }

    record Field(String name, String label, Kind kind, boolean required, Integer maxLength, String placeholder,
                 String value, String hint, String error, List<Option> options) {
        public enum Kind { TEXT, TEXTAREA, SELECT }

        public Field {
            options = options == null ? List.of() : List.copyOf(options);
        }
    }

    record Option(String label, String value) {
    }

    /** A titled card of label/value rows; values may use the markdown subset. */
    record Card(String title, String subtitle, List<CardField> fields) implements Block {
        public Card {
            fields = List.copyOf(fields);
        }
    }

    record CardField(String label, String value) {
    }

    record Links(String title, List<Link> links) implements Block {
        public Links {
            links = List.copyOf(links);
        }
    }

    record Link(String title, String url, String note) {
    }

    /** Progress towards something, 0-100. */
    record Progress(String label, int percent) implements Block {
        public Progress {
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException("percent must be 0-100, was " + percent);
            }
        }
    }

    static Text text(String markdown) {
        return new Text(markdown);
    }
}
