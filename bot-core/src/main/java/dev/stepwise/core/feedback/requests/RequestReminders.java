package dev.stepwise.core.feedback.requests;

import dev.stepwise.core.competency.Skill;
import dev.stepwise.core.competency.Skills;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Messengers;
import dev.stepwise.core.nudges.WorkingTime;
import dev.stepwise.core.people.Person;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The clock side of requests, run every minute: reminders to people who haven't answered (after 2 and after 5
 * working days in their own timezone, only inside their working hours, each at most once), the reminder a
 * snoozed person asked for (also in their working hours; it stands in for the first reminder, and the last one
 * comes at least a day after either), and
 * closing requests at their due date with the summary for the requester. Each
 * message is claimed with a conditional update before it is sent, so two instances never send it twice and
 * nothing is sent after an answer, a decline or the due date.
 */
@Component
public class RequestReminders {

    private static final Logger log = LoggerFactory.getLogger(RequestReminders.class);
    static final int FIRST_AFTER_WORKING_DAYS = 2;
    static final int SECOND_AFTER_WORKING_DAYS = 5;

    private final JdbcClient jdbc;
    private final FeedbackRequests requests;
    private final RequestSummaries summaries;
    private final Skills skills;
    private final Messengers messengers;
    private final WorkingTime workingTime;

    public RequestReminders(JdbcClient jdbc, FeedbackRequests requests, RequestSummaries summaries, Skills skills,
                            Messengers messengers) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.summaries = summaries;
        this.skills = skills;
        this.messengers = messengers;
        this.workingTime = WorkingTime.standard();
    }

    /** What one run did, for logs and tests. */
    public record Run(int reminders, int snoozesOver, int expired) {
    }

    public Run runAt(Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        int expired = expire(at);
        int snoozes = snoozesOver(now, at);
        int reminders = reminders(now, at);
        if (expired + snoozes + reminders > 0) {
            log.info("Feedback requests: {} reminders, {} snoozes over, {} requests closed at their due date", reminders, snoozes, expired);
        }
        return new Run(reminders, snoozes, expired);
    }

    private record Waiting(UUID organisationId, UUID requestId, UUID recipientId, String timezone, OffsetDateTime askedAt,
                           boolean firstSent) {
    }

    private int reminders(Instant now, OffsetDateTime at) {
        List<Waiting> waiting = jdbc.sql("""
                        select rr.organisation_id, rr.request_id, rr.recipient_id, p.timezone, rr.asked_at,
                               rr.reminded_1_at is not null as first_sent
                        from feedback_request_recipients rr
                        join feedback_requests r on r.id = rr.request_id and r.organisation_id = rr.organisation_id
                        join people p on p.id = rr.recipient_id and p.organisation_id = rr.organisation_id
                        where rr.status = 'pending' and r.status = 'open' and r.due_at > ? and rr.reminded_2_at is null
                          and (rr.reminded_1_at is null or rr.reminded_1_at <= ?)""")
                .params(at, at.minusDays(1)).query(Waiting.class).list();
        int sent = 0;
        for (Waiting w : waiting) {
            ZoneId zone = Person.zone(w.timezone());
            if (!workingTime.isWorkingMoment(now, zone)) {
                continue;
            }
            int days = w.firstSent() ? SECOND_AFTER_WORKING_DAYS : FIRST_AFTER_WORKING_DAYS;
            if (now.isBefore(workingTime.afterWorkingDays(w.askedAt().toInstant(), days, zone))) {
                continue;
            }
            String column = w.firstSent() ? "reminded_2_at" : "reminded_1_at";
            boolean claimed = jdbc.sql("update feedback_request_recipients set " + column + " = ? "
                            + "where organisation_id = ? and request_id = ? and recipient_id = ? and status = 'pending' and "
                            + column + " is null")
                    .params(at, w.organisationId(), w.requestId(), w.recipientId()).update() == 1;
            if (claimed && remind(w.organisationId(), w.requestId(), w.recipientId(), zone, w.firstSent()
                    ? "A last reminder: %s would still value your feedback." : "A reminder: %s would value your feedback.")) {
                sent++;
            }
        }
        return sent;
    }

    // The reminder asked for comes in the recipient's working time (a snooze ends when work starts), and counts as
    // their latest reminder: it stands in for the first, and the last one waits a day after it.
    private int snoozesOver(Instant now, OffsetDateTime at) {
        record Snoozed(UUID organisationId, UUID requestId, UUID recipientId, String timezone) {
        }
        List<Snoozed> over = jdbc.sql("""
                        select rr.organisation_id, rr.request_id, rr.recipient_id, p.timezone
                        from feedback_request_recipients rr
                        join feedback_requests r on r.id = rr.request_id and r.organisation_id = rr.organisation_id
                        join people p on p.id = rr.recipient_id and p.organisation_id = rr.organisation_id
                        where rr.status = 'snoozed' and rr.snoozed_until <= ? and r.status = 'open' and r.due_at > ?""")
                .params(at, at).query(Snoozed.class).list();
        int sent = 0;
        for (Snoozed s : over) {
            ZoneId zone = Person.zone(s.timezone());
            if (!workingTime.isWorkingMoment(now, zone)) {
                continue;
            }
            boolean claimed = jdbc.sql("""
                            update feedback_request_recipients set status = 'pending', snoozed_until = null, reminded_1_at = ?
                            where organisation_id = ? and request_id = ? and recipient_id = ? and status = 'snoozed'
                              and snoozed_until <= ?""")
                    .params(at, s.organisationId(), s.requestId(), s.recipientId(), at).update() == 1;
            if (claimed && remind(s.organisationId(), s.requestId(), s.recipientId(), zone,
                    "As you asked, a reminder: %s would value your feedback.")) {
                sent++;
            }
        }
        return sent;
    }

    private int expire(OffsetDateTime at) {
        record Expired(UUID organisationId, UUID id) {
        }
        List<Expired> expired = jdbc.sql("""
                        update feedback_requests set status = 'expired', closed_at = ?
                        where status = 'open' and due_at <= ?
                        returning organisation_id, id""")
                .params(at, at).query(Expired.class).list();
        for (Expired e : expired) {
            requests.find(e.organisationId(), e.id()).ifPresent(request ->
                    messengers.send(null, request.organisationId(), request.requesterId(), summaries.of(request, true)));
        }
        return expired.size();
    }

    private boolean remind(UUID organisationId, UUID requestId, UUID recipientId, ZoneId zone, String opening) {
        Optional<FeedbackRequest> request = requests.find(organisationId, requestId);
        if (request.isEmpty()) {
            return false;
        }
        List<String> skillNames = requests.skillsOf(organisationId, requestId).stream()
                .map(id -> skills.find(organisationId, id)).flatMap(Optional::stream).map(Skill::name).toList();
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.text(opening.formatted("**" + request.get().requesterName() + "**")));
        blocks.addAll(RequestMessages.invitation(request.get(), skillNames, zone));
        return messengers.send(null, organisationId, recipientId, blocks);
    }

}
