package dev.stepwise.core.feedback;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Feedback as a giver writes it.
 *
 * @param objectiveId one of the receiver's objectives, or null
 * @param skills      skill tags, each with an optional rating on the five-stage scale
 * @param words       what they wrote; stored as one text and its named parts
 * @param context     what it is about when not typed by the giver (e.g. a chat message's link and text), or null
 * @param requestId   the receiver's request it answers, or null when given unasked
 */
public record NewFeedback(UUID giverId, UUID receiverId, UUID objectiveId, List<SkillTag> skills, FeedbackParts words,
                          String context, Visibility visibility, boolean anonymous, UUID requestId) {
    public NewFeedback {
        skills = List.copyOf(skills);
        Objects.requireNonNull(words, "words");
    }

    /** Feedback given unasked. */
    public NewFeedback(UUID giverId, UUID receiverId, UUID objectiveId, List<SkillTag> skills, FeedbackParts words,
                       String context, Visibility visibility, boolean anonymous) {
        this(giverId, receiverId, objectiveId, skills, words, context, visibility, anonymous, null);
    }

    public record SkillTag(UUID skillId, Integer rating) {
    }

    public enum Visibility {
        /** Only the person it is about (and no one else) can read it. */
        RECIPIENT,
        /** The person it is about and their manager. */
        RECIPIENT_AND_MANAGER;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
