package dev.stepwise.core.feedback;

import dev.stepwise.core.competency.Skills;
import dev.stepwise.core.conversation.CoreSettings;
import dev.stepwise.core.goals.Objectives;
import dev.stepwise.core.people.People;
import dev.stepwise.core.progress.ProgressEvents;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records feedback one person gives another: checks it against the rules, then stores the item, its tags and
 * the receiver's progress event in one transaction, so it is stored whole or not at all.
 */
@Service
public class QuickFeedback {

    private final People people;
    private final Objectives objectives;
    private final Skills skills;
    private final FeedbackItems items;
    private final ProgressEvents progress;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int maxLength;

    public QuickFeedback(People people, Objectives objectives, Skills skills, FeedbackItems items,
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

    public int maxLength() {
        return maxLength;
    }

    /** Checks the text alone, so a flow can ask again before anything else happens. */
    public void checkText(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new FeedbackRejected(FeedbackRejected.Reason.EMPTY, "Please write your feedback: it can't be empty.");
        }
        if (trimmed.length() > maxLength) {
            throw new FeedbackRejected(FeedbackRejected.Reason.TOO_LONG, "That's %,d characters; please keep it to %,d or fewer."
                    .formatted(trimmed.length(), maxLength));
        }
    }

    public UUID give(UUID organisationId, NewFeedback feedback) {
        return give(organisationId, feedback, null);
    }

    /** As {@link #give(UUID, NewFeedback)}, keeping the text's named parts too (the one-minute form's). */
    public UUID give(UUID organisationId, NewFeedback feedback, FeedbackParts parts) {
        checkText(feedback.text());
        if (feedback.giverId().equals(feedback.receiverId())) {
            throw new FeedbackRejected(FeedbackRejected.Reason.TO_SELF, "Feedback is for someone else, not yourself.");
        }
        if (people.find(organisationId, feedback.receiverId()).isEmpty()
                || people.find(organisationId, feedback.giverId()).isEmpty()) {
            throw new FeedbackRejected(FeedbackRejected.Reason.UNKNOWN_RECEIVER, "I can't find that person in your organisation.");
        }
        if (feedback.objectiveId() != null && objectives.find(organisationId, feedback.objectiveId())
                .filter(o -> o.ownerId().equals(feedback.receiverId())).isEmpty()) {
            throw new FeedbackRejected(FeedbackRejected.Reason.NOT_THEIR_OBJECTIVE, "That objective isn't one of theirs.");
        }
        for (NewFeedback.SkillTag tag : feedback.skills()) {
            if (skills.find(organisationId, tag.skillId()).isEmpty()) {
                throw new FeedbackRejected(FeedbackRejected.Reason.UNKNOWN_SKILL, "I don't know that skill.");
            }
        }
        NewFeedback clean = new NewFeedback(feedback.giverId(), feedback.receiverId(), feedback.objectiveId(),
                feedback.skills(), feedback.text().strip(), feedback.context(), feedback.visibility(), feedback.anonymous());
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return transaction.execute(status -> {
            UUID id = items.insert(organisationId, clean, now);
            if (parts != null) {
                items.attachParts(organisationId, id, null, parts);
            }
            progress.record(organisationId, clean.receiverId(), "feedback_received", Map.of("feedbackId", id.toString()), now);
            return id;
        });
    }
}
