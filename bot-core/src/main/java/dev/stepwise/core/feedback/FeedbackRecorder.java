package dev.stepwise.core.feedback;

import dev.stepwise.core.competency.Skill;
import dev.stepwise.core.competency.Skills;
import dev.stepwise.core.conversation.CoreSettings;
import dev.stepwise.core.feedback.FeedbackRejected.Problem;
import dev.stepwise.core.feedback.FeedbackRejected.Reason;
import dev.stepwise.core.goals.Objective;
import dev.stepwise.core.goals.Objectives;
import dev.stepwise.core.people.People;
import dev.stepwise.core.people.Person;
import dev.stepwise.core.progress.ProgressEvents;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records feedback one person gives another, asked for or not. Every rule is checked here, once, against rows read
 * once; then the item (with its parts), its skill tags and the receiver's progress event are written in one
 * transaction (the caller's, when there is one), so it is stored whole or not at all.
 */
@Service
public class FeedbackRecorder {

    private final People people;
    private final Objectives objectives;
    private final Skills skills;
    private final FeedbackItems items;
    private final ProgressEvents progress;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int maxLength;

    public FeedbackRecorder(People people, Objectives objectives, Skills skills, FeedbackItems items,
                            ProgressEvents progress, TransactionTemplate transaction, Clock clock, CoreSettings settings) {
        this.people = people;
        this.objectives = objectives;
        this.skills = skills;
        this.items = items;
        this.progress = progress;
        this.transaction = transaction;
        this.clock = clock;
        this.maxLength = settings.maxFeedbackLength();
    }

    /** The longest feedback accepted, each part on its own and all of it together, in characters. */
    public int maxLength() {
        return maxLength;
    }

    /**
     * What is wrong with the words alone (nothing when they can be recorded), for a form that has problems of its
     * own to show them all at once. {@link #record} checks the same, so a form that has none just records.
     */
    public List<Problem> check(FeedbackParts words) {
        List<Problem> problems = new ArrayList<>();
        if (words.empty()) {
            problems.add(new Problem(Reason.EMPTY, null, "Please write your feedback: it can't be empty."));
            return problems;
        }
        for (FeedbackParts.Part part : FeedbackParts.Part.values()) {
            String text = words.get(part);
            int length = FeedbackParts.blank(text) ? 0 : text.strip().length();
            if (length > maxLength) {
                problems.add(new Problem(Reason.TOO_LONG, part,
                        "That's %,d characters; please keep it to %,d or fewer.".formatted(length, maxLength)));
            }
        }
        int total = words.composed().length();
        if (problems.isEmpty() && total > maxLength) {
            problems.add(new Problem(Reason.TOO_LONG, null,
                    "Together that's %,d characters; please keep it to %,d or fewer.".formatted(total, maxLength)));
        }
        return problems;
    }

    /**
     * Checks the feedback against every rule and stores it, joining the caller's transaction if there is one.
     *
     * @throws FeedbackRejected with every rule it breaks; then nothing is stored
     */
    public RecordedFeedback record(UUID organisationId, NewFeedback feedback) {
        List<Problem> problems = check(feedback.words());
        if (feedback.giverId().equals(feedback.receiverId())) {
            problems.add(new Problem(Reason.TO_SELF, null, "Feedback is for someone else, not yourself."));
        }
        Optional<Person> giver = people.find(organisationId, feedback.giverId());
        Optional<Person> receiver = people.find(organisationId, feedback.receiverId());
        if (giver.isEmpty() || receiver.isEmpty()) {
            problems.add(new Problem(Reason.UNKNOWN_RECEIVER, null, "I can't find that person in your organisation."));
        }
        Objective objective = null;
        if (feedback.objectiveId() != null) {
            objective = objectives.find(organisationId, feedback.objectiveId())
                    .filter(o -> o.ownerId().equals(feedback.receiverId())).orElse(null);
            if (objective == null) {
                problems.add(new Problem(Reason.NOT_THEIR_OBJECTIVE, null, "That objective isn't one of theirs."));
            }
        }
        List<RecordedFeedback.Tag> tags = new ArrayList<>();
        for (NewFeedback.SkillTag tag : feedback.skills()) {
            Optional<Skill> skill = skills.find(organisationId, tag.skillId());
            if (skill.isEmpty()) {
                problems.add(new Problem(Reason.UNKNOWN_SKILL, null,
                        "I don't know that skill: please pick one of the skills in the list, or leave it empty."));
                break;
            }
            tags.add(new RecordedFeedback.Tag(skill.get(), tag.rating()));
        }
        if (!problems.isEmpty()) {
            throw new FeedbackRejected(problems);
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        UUID id = transaction.execute(status -> {
            UUID stored = items.insert(organisationId, feedback, now);
            progress.record(organisationId, feedback.receiverId(), "feedback_received", Map.of("feedbackId", stored.toString()), now);
            return stored;
        });
        return new RecordedFeedback(id, feedback, giver.get(), receiver.get(), objective, tags);
    }
}
