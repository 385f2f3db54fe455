package dev.stepwise.app.admin;

import dev.stepwise.core.catalogue.importing.Durations;
import dev.stepwise.core.catalogue.importing.ItemTypes;
import dev.stepwise.core.catalogue.importing.LevelRange;
import dev.stepwise.core.catalogue.importing.SkillNames;
import dev.stepwise.core.catalogue.search.SearchFilters;
import dev.stepwise.core.catalogue.search.SearchMode;
import dev.stepwise.core.catalogue.search.SearchQuery;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * The search endpoint's parameters as a {@link SearchQuery}, each checked with a message that says what to send:
 * {@code q}, {@code k} (1-100, default 10), {@code skill} (keys or names, repeatable), {@code level} (1-5 or a stage
 * name), {@code type} (repeatable, the import's type words count), {@code maxDuration} (minutes or e.g. {@code 1h}),
 * {@code mode} ({@code bm25}, {@code vector} or {@code hybrid}, the default).
 */
final class SearchParameters {

    static final int MAX_QUERY = 1_000;

    private SearchParameters() {
    }

    static SearchQuery query(String q, String k, List<String> skills, String level, List<String> types, String maxDuration,
                             String mode, SkillNames organisationSkills) {
        String text = q == null ? "" : q.strip();
        if (text.length() > MAX_QUERY) {
            throw bad("q is %,d characters; at most %,d are searched.".formatted(text.length(), MAX_QUERY));
        }
        return new SearchQuery(text, k(k), new SearchFilters(skills(skills, organisationSkills), level(level), types(types),
                maxDuration(maxDuration)), mode(mode));
    }

    private static int k(String k) {
        if (k == null || k.isBlank()) {
            return 10;
        }
        try {
            int value = Integer.parseInt(k.strip());
            if (value >= 1 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw bad("k must be a whole number from 1 to 100, not '" + k + "'.");
    }

    private static Set<String> skills(List<String> skills, SkillNames organisationSkills) {
        Set<String> keys = new LinkedHashSet<>();
        for (String skill : values(skills)) {
            keys.add(organisationSkills.find(skill).orElseThrow(() ->
                    new AdminProblem(HttpStatus.BAD_REQUEST, "This organisation has no skill '" + skill + "'; give a skill's key or name."))
                    .key());
        }
        return keys;
    }

    private static Integer level(String level) {
        if (level == null || level.isBlank()) {
            return null;
        }
        return LevelRange.stage(level).orElseThrow(() -> bad("level must be a stage from 1 to 5 (or Novice, Advanced Beginner, "
                + "Competent, Proficient, Expert), not '" + level + "'."));
    }

    private static Set<String> types(List<String> types) {
        Set<String> resolved = new LinkedHashSet<>();
        for (String type : values(types)) {
            resolved.add(ItemTypes.resolve(type).orElseThrow(() -> bad("type '" + type + "' isn't one we know; the types are "
                    + String.join(", ", ItemTypes.TYPES) + ".")));
        }
        return resolved;
    }

    private static Integer maxDuration(String maxDuration) {
        if (maxDuration == null || maxDuration.isBlank()) {
            return null;
        }
        return Durations.minutes(maxDuration, Durations.Unit.MINUTES).orElseThrow(() -> bad(
                "maxDuration must be a duration such as 30 (minutes), 90 min or 1h 30m, not '" + maxDuration + "'."));
    }

    private static SearchMode mode(String mode) {
        if (mode == null || mode.isBlank()) {
            return SearchMode.HYBRID;
        }
        return switch (mode.strip().toLowerCase(Locale.ROOT)) {
            case "bm25" -> SearchMode.BM25;
            case "vector" -> SearchMode.VECTOR;
            case "hybrid" -> SearchMode.HYBRID;
            default -> throw bad("mode must be bm25, vector or hybrid, not '" + mode + "'.");
        };
    }

    /** Repeated parameters, and comma-separated ones, as one list. */
    private static List<String> values(List<String> parameters) {
        if (parameters == null) {
            return List.of();
        }
        return parameters.stream().flatMap(p -> Arrays.stream(p.split(","))).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static AdminProblem bad(String message) {
        return new AdminProblem(HttpStatus.BAD_REQUEST, message);
    }
}
