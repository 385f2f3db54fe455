package dev.stepwise.core.situations;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Check-ins people asked for after just-in-time help ("how did it go?"). */
@Repository
public class FollowUps {

    public record FollowUp(UUID id, UUID organisationId, UUID personId, String situation, Instant dueAt, boolean open) {
    }

    private final JdbcClient jdbc;

    public FollowUps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID add(UUID organisationId, UUID personId, String situation, Instant dueAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into situation_follow_ups (id, organisation_id, person_id, situation, due_at) values (?, ?, ?, ?, ?)")
                .params(id, organisationId, personId, situation, utc(dueAt)).update();
        return id;
    }

    /** Claims the check-ins due at {@code now} and not yet sent, marking them sent; safe with several instances. */
    public List<FollowUp> claimDue(Instant now) {
        return jdbc.sql("""
                        update situation_follow_ups set sent_at = ?
                        where id in (select id from situation_follow_ups where sent_at is null and due_at <= ?
                                     order by due_at limit 100 for update skip locked)
                        returning id, organisation_id, person_id, situation, due_at, closed_at""")
                .params(utc(now), utc(now))
                .query((rs, row) -> new FollowUp(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                        rs.getObject("person_id", UUID.class), rs.getString("situation"),
                        rs.getObject("due_at", OffsetDateTime.class).toInstant(), rs.getObject("closed_at") == null))
                .list();
    }

    /** The person's own check-in, if it is theirs. */
    public Optional<FollowUp> find(UUID organisationId, UUID id, UUID personId) {
        return jdbc.sql("""
                        select id, organisation_id, person_id, situation, due_at, closed_at from situation_follow_ups
                        where organisation_id = ? and id = ? and person_id = ?""")
                .params(organisationId, id, personId)
                .query((rs, row) -> new FollowUp(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                        rs.getObject("person_id", UUID.class), rs.getString("situation"),
                        rs.getObject("due_at", OffsetDateTime.class).toInstant(), rs.getObject("closed_at") == null))
                .optional();
    }

    /** Closes the check-in; false when it was already closed. */
    public boolean close(UUID organisationId, UUID id, Instant at) {
        return jdbc.sql("update situation_follow_ups set closed_at = ? where organisation_id = ? and id = ? and closed_at is null")
                .params(utc(at), organisationId, id).update() == 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
