package dev.stepwise.core.feedback;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Feedback requests a person has been asked to answer and hasn't yet (the open ones, soonest due first). */
@Repository
public class WaitingRequests {

    /** @param objective the title of the objective the request is about, or null */
    public record Waiting(UUID requestId, String requesterName, String question, String objective, OffsetDateTime dueAt) {
    }

    private final JdbcClient jdbc;

    public WaitingRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Waiting> forPerson(UUID organisationId, UUID personId, int limit) {
        return jdbc.sql("""
                        select r.id, p.name, r.question, o.title, r.due_at
                        from feedback_request_recipients rr
                        join feedback_requests r on r.id = rr.request_id and r.organisation_id = rr.organisation_id
                        join people p on p.id = r.requester_id and p.organisation_id = r.organisation_id
                        left join objectives o on o.id = r.objective_id and o.organisation_id = r.organisation_id
                        where rr.organisation_id = :org and rr.recipient_id = :person
                          and rr.status in ('pending', 'snoozed') and r.status = 'open'
                        order by r.due_at
                        limit :limit""")
                .param("org", organisationId).param("person", personId).param("limit", limit)
                .query((rs, n) -> new Waiting(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class)))
                .list();
    }
}
