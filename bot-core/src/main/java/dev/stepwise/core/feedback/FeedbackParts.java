package dev.stepwise.core.feedback;

import dev.stepwise.core.conversation.Block;
import java.util.ArrayList;
import java.util.List;

/**
 * Feedback as the one-minute form takes it, whether asked for or not: what went well, what could be better, and
 * anything else. Stored as one text (for reading it whole) and its two named parts (for summaries).
 */
public record FeedbackParts(String wentWell, String couldBeBetter, String anythingElse) {

    public static final String WENT_WELL = "wentWell";
    public static final String COULD_BE_BETTER = "couldBeBetter";

    private static final String WENT_WELL_LABEL = "Went well: ";
    private static final String COULD_BE_BETTER_LABEL = "Could be better: ";

    /** The parts of a stored item: its text and named parts, "anything else" being the text the parts don't account for. */
    public static FeedbackParts stored(String text, String wentWell, String couldBeBetter) {
        List<String> rest = new ArrayList<>();
        for (String paragraph : text.split("\n\n")) {
            boolean named = wentWell != null && paragraph.equals(WENT_WELL_LABEL + wentWell)
                    || couldBeBetter != null && paragraph.equals(COULD_BE_BETTER_LABEL + couldBeBetter);
            if (!named) {
                rest.add(paragraph);
            }
        }
        return new FeedbackParts(wentWell, couldBeBetter, String.join("\n\n", rest));
    }

    /** The whole feedback as one text, the named parts labelled. */
    public String composed() {
        List<String> parts = new ArrayList<>();
        if (!blank(wentWell)) {
            parts.add(WENT_WELL_LABEL + wentWell.strip());
        }
        if (!blank(couldBeBetter)) {
            parts.add(COULD_BE_BETTER_LABEL + couldBeBetter.strip());
        }
        if (!blank(anythingElse)) {
            parts.add(anythingElse.strip());
        }
        return String.join("\n\n", parts);
    }

    public boolean empty() {
        return blank(wentWell) && blank(couldBeBetter) && blank(anythingElse);
    }

    public String wentWellOrNull() {
        return blank(wentWell) ? null : wentWell.strip();
    }

    public String couldBeBetterOrNull() {
        return blank(couldBeBetter) ? null : couldBeBetter.strip();
    }

    public String anythingElseOrNull() {
        return blank(anythingElse) ? null : anythingElse.strip();
    }

    /** The card rows a reader sees: each part that was written, labelled. */
    public List<Block.CardField> rows(String anythingElseLabel) {
        List<Block.CardField> rows = new ArrayList<>();
        if (!blank(wentWell)) {
            rows.add(new Block.CardField("Went well", wentWell.strip()));
        }
        if (!blank(couldBeBetter)) {
            rows.add(new Block.CardField("Could be better", couldBeBetter.strip()));
        }
        if (!blank(anythingElse)) {
            rows.add(new Block.CardField(anythingElseLabel, anythingElse.strip()));
        }
        return rows;
    }

    /** The two named parts as form fields, each optional, with what was typed and any error kept. */
    public static List<Block.Field> fields(int maxLength, String wentWellValue, String wentWellError, String couldBeBetterValue,
                                           String couldBeBetterError) {
        return List.of(
                new Block.Field(WENT_WELL, "What went well", Block.Field.Kind.TEXTAREA, false, maxLength, null, wentWellValue,
                        "What did they do that worked, and what effect did it have?", wentWellError, List.of()),
                new Block.Field(COULD_BE_BETTER, "What could be better", Block.Field.Kind.TEXTAREA, false, maxLength, null,
                        couldBeBetterValue, "One thing they could do differently next time.", couldBeBetterError, List.of()));
    }

    /**
     * What is too long, by field name: each part on its own, else all of it together (reported on
     * {@code ownWordsField}, the free-text field), so the person sees the limit against what they typed.
     */
    public java.util.Map<String, String> tooLong(int maxLength, String ownWordsField) {
        java.util.Map<String, String> problems = new java.util.LinkedHashMap<>();
        check(problems, WENT_WELL, wentWell, maxLength);
        check(problems, COULD_BE_BETTER, couldBeBetter, maxLength);
        check(problems, ownWordsField, anythingElse, maxLength);
        int total = composed().length();
        if (problems.isEmpty() && total > maxLength) {
            problems.put(ownWordsField, "Together that's %,d characters; please keep it to %,d or fewer.".formatted(total, maxLength));
        }
        return problems;
    }

    private static void check(java.util.Map<String, String> problems, String field, String text, int maxLength) {
        int length = blank(text) ? 0 : text.strip().length();
        if (length > maxLength) {
            problems.put(field, "That's %,d characters; please keep it to %,d or fewer.".formatted(length, maxLength));
        }
    }

    public static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
