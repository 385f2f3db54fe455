package dev.stepwise.core.progress;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The append-only record of a person's progress (learning done, milestones, feedback received, sign-offs). */
@Repository
public class ProgressEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public ProgressEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(UUID organisationId, UUID personId, String kind, Map<String, ?> details, OffsetDateTime at) {
        jdbc.sql("""
                        insert into progress_events (id, organisation_id, person_id, kind, occurred_at, details)
                        values (?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(UUID.randomUUID(), organisationId, personId, kind, at, JSON.writeValueAsString(details))
                .update();
    }

    public List<ProgressEvent> forPerson(UUID organisationId, UUID personId) {
        return jdbc.sql("""
                        select kind, occurred_at, details::text as details from progress_events
                        where organisation_id = ? and person_id = ? order by occurred_at desc""")
                .params(organisationId, personId)
                .query((rs, row) -> new ProgressEvent(rs.getString("kind"),
                        rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("details")))
                .list();
    }

    public record ProgressEvent(String kind, OffsetDateTime occurredAt, String detailsJson) {
    }
}
