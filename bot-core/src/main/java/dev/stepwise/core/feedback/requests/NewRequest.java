package dev.stepwise.core.feedback.requests;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A request as the requester sets it up: whom to ask, about what, and by when. */
public record NewRequest(UUID requesterId, List<UUID> recipientIds, UUID objectiveId, List<UUID> skillIds, String question,
                         boolean anonymous, OffsetDateTime dueAt) {
    public NewRequest {
        recipientIds = List.copyOf(recipientIds);
        skillIds = List.copyOf(skillIds);
    }
}
