package dev.stepwise.core.conversation;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a person asked for, understood: the name of one of the registered {@link IntentDefinition}s, the text as they
 * typed it, and the slots picked up from it (colleagues named, a skill, the words after a colon). Slots hold the
 * person's own words or names found in their organisation, never anything a model wrote.
 *
 * @param name  the intent's name, e.g. {@code give_feedback}
 * @param text  the message as typed, stripped
 * @param slots each slot's values in the order found; see the {@code PERSON}, {@code SKILL} and {@code WORDS} keys
 * @param exact true when an exact command named it; false when it was understood from plain language, so a
 *              capability that records something at once asks first
 */
public record Intent(String name, String text, Map<String, List<String>> slots, boolean exact) {

    /** A colleague named in the message (as typed; one value per colleague). */
    public static final String PERSON = "person";
    /** A skill the message is about (as typed, or the organisation's name for it). */
    public static final String SKILL = "skill";
    /** The words that follow a command, e.g. the feedback after "give feedback to Kofi:". */
    public static final String WORDS = "words";

    public Intent {
        Objects.requireNonNull(name, "name");
        text = text == null ? "" : text.strip();
        slots = slots == null ? Map.of() : Map.copyOf(slots);
    }

    /** An intent understood from plain language, with no slots. */
    public static Intent of(String name, String text) {
        return new Intent(name, text, Map.of(), false);
    }

    /** The slot's first value, or null. */
    public String slot(String key) {
        List<String> values = slots.get(key);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** Every value of the slot, in order (empty when none). */
    public List<String> all(String key) {
        return slots.getOrDefault(key, List.of());
    }

    public boolean is(String intentName) {
        return name.equals(intentName);
    }
}
