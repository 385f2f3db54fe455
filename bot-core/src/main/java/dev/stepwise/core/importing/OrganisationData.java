package dev.stepwise.core.importing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A whole organisation as a JSON document: people, teams, roles with their competency matrices, skills,
 * business goals, objectives and the learning catalogue. Everything refers to everything else by key.
 */
public record OrganisationData(OrganisationInfo organisation, List<SkillData> skills, List<RoleData> roles,
                               List<GoalData> businessGoals, List<TeamData> teams, List<PersonData> people,
                               List<ObjectiveData> objectives, List<CatalogueData> catalogue) {

    /**
     * @param anonymityThreshold    answers an anonymous request needs before any is shown (null: 3)
     * @param managerFeedbackAccess what managers may read of their reports' feedback: {@code shared} (null: only what
     *                              the person shares) or {@code named} (every item with a named giver)
     */
    public record OrganisationInfo(String key, String name, boolean anonymousFeedbackAllowed,
                                   List<IdentityData> identities, Integer anonymityThreshold, String managerFeedbackAccess) {
    }

    public record IdentityData(String platform, String kind, String externalId) {
    }

    public record SkillData(String key, String name, String description) {
    }

    public record RoleData(String key, String name, List<RequirementData> requirements) {
    }

    /** {@code statements} maps "1".."5" to the behavioural statement of that stage. */
    public record RequirementData(String skill, int requiredLevel, Map<String, String> statements) {
    }

    public record GoalData(String key, String title, String description) {
    }

    public record TeamData(String key, String name, String manager) {
    }

    public record PersonData(String key, String name, String email, String timezone, String role, String team,
                             String manager, List<IdentityData> identities) {
    }

    public record ObjectiveData(String owner, String title, String measure, LocalDate due, String status,
                                int progress, List<String> businessGoals) {
    }

    public record CatalogueData(String key, String title, String url, String description, String type,
                                List<String> skills, int levelMin, int levelMax, Integer durationMinutes,
                                String language) {
    }
}
