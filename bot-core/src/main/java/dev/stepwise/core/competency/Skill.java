package dev.stepwise.core.competency;

import java.util.UUID;

public record Skill(UUID id, UUID organisationId, String key, String name, String description) {
}
