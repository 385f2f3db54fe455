package dev.stepwise.core.recommendations;

import dev.stepwise.core.catalogue.CatalogueItem;
import dev.stepwise.core.catalogue.search.CatalogueSearch;
import dev.stepwise.core.catalogue.search.SearchFilters;
import dev.stepwise.core.catalogue.search.SearchHit;
import dev.stepwise.core.catalogue.search.SearchMode;
import dev.stepwise.core.catalogue.search.SearchQuery;
import dev.stepwise.core.competency.Level;
import dev.stepwise.core.competency.Skill;
import dev.stepwise.core.people.People;
import dev.stepwise.core.people.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Up to {@value #MAX} suggestions sized to a skill gap. Level-aware: only items for the next stage up from where
 * the person is (an item suits a stage when it lies in the item's level range). Mixed: the best learning item
 * (course, article, video, practice), the best workplace activity (stretch assignment, coaching), and, when someone
 * strong in the skill has offered to mentor it, a mentor; the rest by rank.
 */
@Component
public class GapRecommendations {

    static final int MAX = 3;
    private static final Set<String> LEARNING = Set.of("course", "article", "video", "practice");
    private static final Set<String> ACTIVITIES = Set.of("stretch-assignment", "coaching");

    private final CatalogueSearch search;
    private final Mentors mentors;
    private final People people;

    public GapRecommendations(CatalogueSearch search, Mentors mentors, People people) {
        this.search = search;
        this.mentors = mentors;
        this.people = people;
    }

    public List<Recommendation> forGap(Person person, Skill skill, Level current, Level target) {
        UUID org = person.organisationId();
        Level next = Level.of(Math.min(Level.EXPERT.number(), current.number() + 1));
        List<CatalogueItem> found = search.search(org, new SearchQuery(skill.name() + " " + nullToEmpty(skill.description()), 20,
                        new SearchFilters(Set.of(skill.key()), next.number(), Set.of(), null), SearchMode.HYBRID))
                .stream().map(SearchHit::item).filter(item -> !item.type().equals("mentor")).toList();
        List<Recommendation> picked = new ArrayList<>();
        first(found, LEARNING).ifPresent(item -> picked.add(Recommendation.of(item, reason(item, skill, current, next))));
        first(found, ACTIVITIES).ifPresent(item -> picked.add(Recommendation.of(item, reason(item, skill, current, next))));
        mentors.strongIn(org, skill.id(), person.id()).stream().findFirst().flatMap(id -> people.find(org, id))
                .ifPresent(mentor -> picked.add(Recommendation.mentor(mentor,
                        "%s is strong in %s and offered to mentor it".formatted(mentor.name(), skill.name()))));
        for (CatalogueItem item : found) {
            if (picked.size() >= MAX) {
                break;
            }
            if (picked.stream().noneMatch(r -> r.item() != null && r.item().id().equals(item.id()))) {
                picked.add(Recommendation.of(item, reason(item, skill, current, next)));
            }
        }
        return List.copyOf(picked.subList(0, Math.min(MAX, picked.size())));
    }

    private static Optional<CatalogueItem> first(List<CatalogueItem> found, Set<String> types) {
        return found.stream().filter(item -> types.contains(item.type())).findFirst();
    }

    static String reason(CatalogueItem item, Skill skill, Level current, Level next) {
        String kind = item.type().replace('-', ' ');
        String duration = item.durationMinutes() == null ? "" : ", " + duration(item.durationMinutes());
        return current == next
                ? "Keeps %s sharp at %s (%s%s)".formatted(skill.name(), current.label(), kind, duration)
                : "Builds %s from %s towards %s (%s%s)".formatted(skill.name(), current.label(), next.label(), kind, duration);
    }

    private static String duration(int minutes) {
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " min";
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
