package dev.stepwise.core.goals;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Something a person is working towards, measured and tied to the business goals it serves.
 *
 * @param status   draft, active, at_risk, done or cancelled
 * @param progress 0-100
 */
public record Objective(UUID id, UUID organisationId, UUID ownerId, String title, String measure, LocalDate dueOn,
                        String status, int progress, List<String> businessGoals) {
    public Objective {
        businessGoals = businessGoals == null ? List.of() : List.copyOf(businessGoals);
    }

    public boolean isOpen() {
        return status.equals("active") || status.equals("at_risk") || status.equals("draft");
    }
}
