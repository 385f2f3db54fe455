package dev.stepwise.core.feedback;

import java.util.List;
import java.util.UUID;

/**
 * Feedback as a giver writes it.
 *
 * @param objectiveId one of the receiver's objectives, or null
 * @param skills      skill tags, each with an optional rating on the five-stage scale
 * @param context     what it is about when not typed by the giver (e.g. a chat message's link and text), or null
 */
public record NewFeedback(UUID giverId, UUID receiverId, UUID objectiveId, List<SkillTag> skills, String text,
                          String context, Visibility visibility, boolean anonymous) {
    public NewFeedback {
        skills = List.copyOf(skills);
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
