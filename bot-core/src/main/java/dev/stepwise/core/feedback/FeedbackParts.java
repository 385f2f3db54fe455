package dev.stepwise.core.feedback;

import dev.stepwise.core.conversation.Block;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of a piece of feedback, as the one-minute form takes them whether asked for or not: what went well,
 * what could be better, and anything else (feedback typed as one text is all "anything else"). Stored as one text
 * (for reading it whole) and its two named parts (for summaries).
 */
public record FeedbackParts(String wentWell, String couldBeBetter, String anythingElse) {

    /** A part of the words, for saying which one a problem is about. */
    public enum Part { WENT_WELL, COULD_BE_BETTER, ANYTHING_ELSE }

    private static final String WENT_WELL_LABEL = "Went well: ";
    private static final String COULD_BE_BETTER_LABEL = "Could be better: ";

    /** Feedback written as one text. */
    public static FeedbackParts of(String text) {
        return new FeedbackParts(null, null, text);
    }

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

    /** The part as written, or null. */
    public String get(Part part) {
        return switch (part) {
            case WENT_WELL -> wentWell;
            case COULD_BE_BETTER -> couldBeBetter;
            case ANYTHING_ELSE -> anythingElse;
        };
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

    public static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
