package dev.stepwise.core.catalogue.search;

import java.util.Set;

/**
 * Narrows a catalogue search. Empty sets and nulls mean "any".
 *
 * @param skills             keys of skills the item must develop (any of them)
 * @param level              a stage 1-5 the item must suit (between its level range)
 * @param types              item types to keep (course, article, video, practice, stretch-assignment, coaching, mentor)
 * @param maxDurationMinutes items longer than this are left out (items without a duration are kept)
 */
public record SearchFilters(Set<String> skills, Integer level, Set<String> types, Integer maxDurationMinutes) {
    public static final SearchFilters NONE = new SearchFilters(Set.of(), null, Set.of(), null);

    public SearchFilters {
        skills = skills == null ? Set.of() : Set.copyOf(skills);
        types = types == null ? Set.of() : Set.copyOf(types);
    }
}
