package dev.stepwise.core.goals;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record NewObjective(UUID ownerId, String title, String measure, LocalDate dueOn, String status, int progress,
                           List<UUID> businessGoalIds) {
}
