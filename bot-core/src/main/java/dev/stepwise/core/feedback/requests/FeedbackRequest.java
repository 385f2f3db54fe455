package dev.stepwise.core.feedback.requests;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored request. {@code status} is {@code open}, {@code closed} (everyone answered or declined) or {@code expired}. */
public record FeedbackRequest(UUID id, UUID organisationId, UUID requesterId, String requesterName, UUID objectiveId,
                              String objectiveTitle, String question, boolean anonymous, OffsetDateTime dueAt,
                              String status, OffsetDateTime createdAt) {

    public boolean open(OffsetDateTime now) {
        return "open".equals(status) && now.isBefore(dueAt);
    }
}
