package dev.stepwise.core.feedback.requests;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Feedback requests and where each recipient stands (pending, answered, declined, snoozed). Status changes are
 * single conditional updates, so a double press or two instances racing change a recipient once.
 */
@Repository
public class FeedbackRequests {

    private static final String COLUMNS = """
            r.id, r.organisation_id, r.requester_id, p.name as requester_name, r.objective_id, o.title as objective_title,
            r.question, r.anonymous, r.due_at, r.status, r.created_at""";
    private static final String FROM = """
            from feedback_requests r
            join people p on p.id = r.requester_id and p.organisation_id = r.organisation_id
            left join objectives o on o.id = r.objective_id and o.organisation_id = r.organisation_id""";

    private final JdbcClient jdbc;

    public FeedbackRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the request, its skill tags and its recipients (all pending); call inside a transaction. */
    public UUID create(UUID organisationId, NewRequest request, OffsetDateTime now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into feedback_requests (id, organisation_id, requester_id, objective_id, question, anonymous,
                                                       due_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisationId, request.requesterId(), request.objectiveId(), request.question(),
                        request.anonymous(), request.dueAt(), now)
                .update();
        for (UUID skill : request.skillIds()) {
            jdbc.sql("insert into feedback_request_skills (request_id, organisation_id, skill_id) values (?, ?, ?)")
                    .params(id, organisationId, skill).update();
        }
        for (UUID recipient : request.recipientIds()) {
            jdbc.sql("""
                            insert into feedback_request_recipients (request_id, organisation_id, recipient_id, asked_at)
                            values (?, ?, ?, ?)""")
                    .params(id, organisationId, recipient, now).update();
        }
        return id;
    }

    public Optional<FeedbackRequest> find(UUID organisationId, UUID requestId) {
        return jdbc.sql("select " + COLUMNS + " " + FROM + " where r.organisation_id = ? and r.id = ?")
                .params(organisationId, requestId).query(FeedbackRequest.class).optional();
    }

    public List<UUID> skillsOf(UUID organisationId, UUID requestId) {
        return jdbc.sql("select skill_id from feedback_request_skills where organisation_id = ? and request_id = ? order by skill_id")
                .params(organisationId, requestId).query(UUID.class).list();
    }

    /** Where the person stands on the request, if they were asked. */
    public Optional<RecipientStatus> statusOf(UUID organisationId, UUID requestId, UUID recipientId) {
        return jdbc.sql("""
                        select status from feedback_request_recipients
                        where organisation_id = ? and request_id = ? and recipient_id = ?""")
                .params(organisationId, requestId, recipientId).query(String.class).optional().map(RecipientStatus::of);
    }

    /** Everyone asked, with where they stand, in the order they were asked. */
    public List<Recipient> recipients(UUID organisationId, UUID requestId) {
        return jdbc.sql("""
                        select rr.recipient_id, p.name, rr.status
                        from feedback_request_recipients rr
                        join people p on p.id = rr.recipient_id and p.organisation_id = rr.organisation_id
                        where rr.organisation_id = ? and rr.request_id = ?
                        order by rr.asked_at, p.name""")
                .params(organisationId, requestId)
                .query((rs, n) -> new Recipient(rs.getObject(1, UUID.class), rs.getString(2), RecipientStatus.of(rs.getString(3))))
                .list();
    }

    /** Marks the recipient's answer; false when they had already answered or declined. Inside a transaction. */
    public boolean markAnswered(UUID organisationId, UUID requestId, UUID recipientId, OffsetDateTime now) {
        return jdbc.sql("""
                        update feedback_request_recipients set status = 'answered', answered_at = ?
                        where organisation_id = ? and request_id = ? and recipient_id = ? and status in ('pending', 'snoozed')""")
                .params(now, organisationId, requestId, recipientId).update() == 1;
    }

    /** False when they had already answered or declined. */
    public boolean decline(UUID organisationId, UUID requestId, UUID recipientId, String reason, OffsetDateTime now) {
        return jdbc.sql("""
                        update feedback_request_recipients set status = 'declined', decline_reason = ?, declined_at = ?
                        where organisation_id = ? and request_id = ? and recipient_id = ? and status in ('pending', 'snoozed')""")
                .params(reason, now, organisationId, requestId, recipientId).update() == 1;
    }

    /** False when they had already answered or declined. */
    public boolean snooze(UUID organisationId, UUID requestId, UUID recipientId, OffsetDateTime until) {
        return jdbc.sql("""
                        update feedback_request_recipients set status = 'snoozed', snoozed_until = ?
                        where organisation_id = ? and request_id = ? and recipient_id = ? and status in ('pending', 'snoozed')""")
                .params(until, organisationId, requestId, recipientId).update() == 1;
    }
}
