package dev.stepwise.core.feedback;

import dev.stepwise.core.competency.Skill;
import dev.stepwise.core.goals.Objective;
import dev.stepwise.core.people.Person;
import java.util.List;
import java.util.UUID;

/**
 * Feedback as stored, with the rows it was checked against, so telling the people involved needs no second read.
 *
 * @param objective the objective it is tagged to, or null
 * @param skills    the skills it is tagged with, in the order of {@code feedback.skills()}, each with its rating
 */
public record RecordedFeedback(UUID id, NewFeedback feedback, Person giver, Person receiver, Objective objective,
                               List<Tag> skills) {
    public RecordedFeedback {
        skills = List.copyOf(skills);
    }

    /** A skill tag as stored; {@code rating} on the five-stage scale, or null. */
    public record Tag(Skill skill, Integer rating) {
    }

    public boolean answersARequest() {
        return feedback.requestId() != null;
    }
}
