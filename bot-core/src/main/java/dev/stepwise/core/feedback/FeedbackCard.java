package dev.stepwise.core.feedback;

import dev.stepwise.core.competency.Level;
import dev.stepwise.core.conversation.Block;
import java.util.ArrayList;
import java.util.List;

/**
 * How recorded feedback is shown to the two people it concerns, asked for or not: the giver's thanks, and the card
 * the receiver reads (the words, then the objective and skills it is about). Whether the giver is named is the
 * caller's decision: only it knows whether the receiver may see who wrote it.
 */
public final class FeedbackCard {

    private FeedbackCard() {
    }

    /** The giver's confirmation that it is on its way, with what they tagged it to or, when anonymous, that it is. */
    public static String thanks(RecordedFeedback recorded) {
        String thanks = "Thanks! Your feedback is on its way to **%s**.".formatted(recorded.receiver().name());
        List<String> tags = new ArrayList<>();
        if (!recorded.answersARequest()) {
            if (recorded.objective() != null) {
                tags.add("\u201c" + recorded.objective().title() + "\u201d");
            }
            recorded.skills().forEach(tag -> tags.add(tag.skill().name()));
        }
        if (!tags.isEmpty()) {
            thanks += " Tagged to " + String.join(" and ", tags) + ".";
        }
        if (recorded.feedback().anonymous()) {
            thanks += " It's anonymous: your name isn't shown with it.";
        }
        return thanks;
    }

    /**
     * The receiver's card: {@code lead} rows first, then the words, the objective, each skill with its stage, and
     * the context. An answer's words are "anything else" beside the named parts, and its context (the question) is
     * left to {@code lead}.
     */
    public static Block.Card card(String title, String subtitle, List<Block.CardField> lead, RecordedFeedback recorded) {
        NewFeedback feedback = recorded.feedback();
        List<Block.CardField> rows = new ArrayList<>(lead);
        rows.addAll(feedback.words().rows(recorded.answersARequest() ? "Anything else" : "Feedback"));
        if (recorded.objective() != null) {
            rows.add(new Block.CardField("Objective", recorded.objective().title()));
        }
        for (RecordedFeedback.Tag tag : recorded.skills()) {
            rows.add(new Block.CardField("Skill", tag.rating() == null ? tag.skill().name()
                    : tag.skill().name() + " (" + Level.of(tag.rating()).label() + ")"));
        }
        if (feedback.context() != null && !recorded.answersARequest()) {
            rows.add(new Block.CardField("Context", feedback.context()));
        }
        return new Block.Card(title, subtitle, rows);
    }
}
