package dev.stepwise.core.competency;

import java.util.Map;

/** One row of a role's competency matrix: the skill, the level the role needs, and what each level looks like. */
public record Requirement(Skill skill, Level requiredLevel, Map<Level, String> statements) {
    public Requirement {
        statements = Map.copyOf(statements);
    }
}
