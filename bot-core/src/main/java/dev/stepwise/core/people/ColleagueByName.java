package dev.stepwise.core.people;

import dev.stepwise.core.text.UserText;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Finds the one colleague someone typed the name or email of (never themselves), or says plainly why not: nobody by
 * that name, or several, named so a fuller name can be typed.
 */
@Component
public class ColleagueByName {

    /** Exactly one of {@code person} and {@code problem} is set. */
    public record Match(Person person, String problem) {
    }

    private final People people;

    public ColleagueByName(People people) {
        this.people = people;
    }

    public Match find(UUID organisationId, String typed, UUID asker) {
        List<Person> found = people.search(organisationId, typed).stream().filter(p -> !p.id().equals(asker)).toList();
        if (found.size() == 1) {
            return new Match(found.getFirst(), null);
        }
        return new Match(null, found.isEmpty()
                ? "I couldn't find a colleague called **%s**. Type their full name or email (or say **cancel**)."
                        .formatted(UserText.inline(typed, 60))
                : "That could be %s: please type a fuller name."
                        .formatted(String.join(" or ", found.stream().limit(4).map(Person::name).toList())));
    }
}
