package dev.stepwise.core.plan;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One thing on a person's development plan.
 *
 * @param status planned, in_progress, done or dropped
 */
public record PlanItem(UUID id, UUID personId, UUID catalogueItemId, UUID skillId, String title, String status,
                       LocalDate dueOn) {
}
