package dev.stepwise.core.feedback;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Feedback as its receiver sees it.
 *
 * @param giverName null when the giver chose to stay anonymous
 * @param objective the title of the objective it is tagged to, or null
 * @param skills    the names of the skills it is tagged to
 * @param sharedWithManager whether the person shared it with their manager
 */
public record ReceivedFeedback(UUID id, String giverName, String text, String context, String objective,
                               List<String> skills, OffsetDateTime givenAt, boolean sharedWithManager) {
    public ReceivedFeedback {
        skills = List.copyOf(skills);
    }
}
