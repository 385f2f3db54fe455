package dev.stepwise.core.feedback.requests;

import dev.stepwise.core.people.People;
import dev.stepwise.core.people.Person;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * "Ben, Priya and Sam" as people of the organisation: each name resolved on its own, with a clear word for
 * every name that isn't one colleague (unknown, ambiguous, yourself) and for a list that is too long.
 */
final class RecipientNames {

    static final int MAX = 10;
    private static final Pattern SEPARATORS = Pattern.compile("\\s*(?:,|;|\\n|\\band\\b|&|\\+)\\s*", Pattern.CASE_INSENSITIVE);

    /** The people found, and what to tell the requester about the names that weren't usable (empty when all were). */
    record Resolved(List<Person> people, List<String> problems, List<String> notes) {
        boolean usable() {
            return problems.isEmpty() && !people.isEmpty();
        }
    }

    private RecipientNames() {
    }

    static Resolved resolve(People people, Person requester, String typed) {
        List<String> names = SEPARATORS.splitAsStream(typed == null ? "" : typed)
                .map(name -> name.strip().replaceFirst("^@", "").strip())
                .filter(name -> !name.isEmpty()).toList();
        Map<UUID, Person> found = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (names.isEmpty()) {
            problems.add("Please name at least one colleague.");
        }
        for (String name : names) {
            List<Person> matches = people.search(requester.organisationId(), name);
            if (matches.size() == 1 && matches.getFirst().id().equals(requester.id())) {
                problems.add("**%s** is you: a request is for colleagues' views.".formatted(clip(name)));
            } else if (matches.isEmpty()) {
                List<Person> near = people.nearMisses(requester.organisationId(), name, 1);
                problems.add(near.isEmpty()
                        ? "I couldn't find anyone called **%s**.".formatted(clip(name))
                        : "I couldn't find anyone called **%s**. Did you mean **%s**?".formatted(clip(name), near.getFirst().name()));
            } else if (matches.size() > 1) {
                List<Person> others = matches.stream().filter(p -> !p.id().equals(requester.id())).toList();
                if (others.size() == 1) {
                    add(found, others.getFirst(), name, notes);
                } else {
                    problems.add("**%s** could be %s: please use a fuller name.".formatted(clip(name),
                            String.join(" or ", others.stream().limit(4).map(Person::name).toList())));
                }
            } else {
                add(found, matches.getFirst(), name, notes);
            }
        }
        if (found.size() > MAX) {
            problems.add("You can ask up to %d people at once; that's %d.".formatted(MAX, found.size()));
        }
        return new Resolved(List.copyOf(found.values()), problems, notes);
    }

    private static void add(Map<UUID, Person> found, Person person, String typed, List<String> notes) {
        if (found.putIfAbsent(person.id(), person) != null) {
            notes.add("You named **%s** twice; I'll ask them once.".formatted(person.name()));
        }
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "\u2026" : text;
    }
}
