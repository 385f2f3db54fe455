package dev.stepwise.core.feedback.requests;

import dev.stepwise.core.feedback.FeedbackParts;
import dev.stepwise.core.feedback.FeedbackRecorder;
import dev.stepwise.core.feedback.FeedbackRejected;
import dev.stepwise.core.feedback.NewFeedback;
import dev.stepwise.core.feedback.RecordedFeedback;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a recipient's answer to a request: checked against where they and the request stand (with their row
 * locked, so a double submit answers once), recorded as feedback for the requester by the {@link FeedbackRecorder}
 * like any other (its rules, its one write), and the request closed when nobody is left to answer. All in one
 * transaction.
 */
@Service
public class RequestAnswers {

    /** What happened to an answer. */
    public sealed interface Outcome {
        /** {@code answer} is the answer as recorded, or null for a decline. */
        record Stored(FeedbackRequest request, boolean closed, RecordedFeedback answer) implements Outcome {
        }

        record Refused(String why) implements Outcome {
        }
    }

    /** An answer as the recipient wrote it; ratings by skill id on the five-stage scale. */
    public record Answer(FeedbackParts parts, Map<UUID, Integer> ratings) {
    }

    private final FeedbackRequests requests;
    private final FeedbackRecorder recorder;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public RequestAnswers(FeedbackRequests requests, FeedbackRecorder recorder, JdbcClient jdbc,
                          TransactionTemplate transaction, Clock clock) {
        this.requests = requests;
        this.recorder = recorder;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Throws {@link FeedbackRejected} for an answer that can't be stored as written (the form asks again). */
    public Outcome answer(UUID organisationId, UUID requestId, UUID recipientId, Answer answer) {
        return transaction.execute(status -> {
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            Standing standing = standing(organisationId, requestId, recipientId, now, true);
            if (standing.refusal() != null) {
                return new Outcome.Refused(standing.refusal());
            }
            FeedbackRequest request = standing.request();
            List<NewFeedback.SkillTag> tags = requests.skillsOf(organisationId, requestId).stream()
                    .map(skill -> new NewFeedback.SkillTag(skill, answer.ratings().get(skill))).toList();
            RecordedFeedback recorded = recorder.record(organisationId, new NewFeedback(recipientId, request.requesterId(),
                    request.objectiveId(), tags, answer.parts(), "Asked: " + request.question(), NewFeedback.Visibility.RECIPIENT,
                    request.anonymous(), requestId));
            requests.markAnswered(organisationId, requestId, recipientId, now);
            return new Outcome.Stored(request, closeIfComplete(organisationId, requestId, now), recorded);
        });
    }

    public Outcome decline(UUID organisationId, UUID requestId, UUID recipientId, String reason) {
        return transaction.execute(status -> {
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            Standing standing = standing(organisationId, requestId, recipientId, now, true);
            if (standing.refusal() != null) {
                return new Outcome.Refused(standing.refusal());
            }
            requests.decline(organisationId, requestId, recipientId, FeedbackParts.blank(reason) ? null : reason.strip(), now);
            return new Outcome.Stored(standing.request(), closeIfComplete(organisationId, requestId, now), null);
        });
    }

    /** Where a recipient stands on a request: the request, and why they can't act on it now (null when they can). */
    record Standing(FeedbackRequest request, String refusal) {
    }

    /** With {@code lock}, the recipient's row stays locked until the transaction ends. */
    Standing standing(UUID organisationId, UUID requestId, UUID recipientId, OffsetDateTime now, boolean lock) {
        RecipientStatus status = jdbc.sql("""
                        select status from feedback_request_recipients
                        where organisation_id = ? and request_id = ? and recipient_id = ?""" + (lock ? " for update" : ""))
                .params(organisationId, requestId, recipientId).query(String.class).optional().map(RecipientStatus::of).orElse(null);
        if (status == null) {
            return new Standing(null, "That request wasn't sent to you, so there's nothing to answer.");
        }
        FeedbackRequest request = requests.find(organisationId, requestId).orElseThrow();
        if (status == RecipientStatus.ANSWERED) {
            return new Standing(request, "You've already answered this request. Thank you!");
        }
        if (status == RecipientStatus.DECLINED) {
            return new Standing(request, "You declined this request, so it's closed for you.");
        }
        if (!request.open(now)) {
            return new Standing(request, "That request has closed, so it doesn't need an answer any more. Thanks all the same!");
        }
        return new Standing(request, null);
    }

    /** Closes the request once nobody is left to answer; true when this call closed it. */
    private boolean closeIfComplete(UUID organisationId, UUID requestId, OffsetDateTime now) {
        return jdbc.sql("""
                        update feedback_requests set status = 'closed', closed_at = ?
                        where organisation_id = ? and id = ? and status = 'open'
                          and not exists (select 1 from feedback_request_recipients
                                          where organisation_id = ? and request_id = ? and status in ('pending', 'snoozed'))""")
                .params(now, organisationId, requestId, organisationId, requestId).update() == 1;
    }

}
