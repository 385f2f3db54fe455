package dev.stepwise.core.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** People's development plans. */
@Repository
public class Plans {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Plans(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public UUID add(UUID organisationId, UUID personId, UUID catalogueItemId, UUID skillId, String title, LocalDate dueOn) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into plan_items (id, organisation_id, person_id, catalogue_item_id, skill_id, title, due_on,
                                                created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisationId, personId, catalogueItemId, skillId, title, dueOn,
                        clock.instant().atOffset(ZoneOffset.UTC)).update();
        return id;
    }

    public List<PlanItem> forPerson(UUID organisationId, UUID personId) {
        return jdbc.sql("""
                        select id, person_id, catalogue_item_id, skill_id, title, status, due_on from plan_items
                        where organisation_id = ? and person_id = ? order by created_at, title""")
                .params(organisationId, personId).query(PlanItem.class).list();
    }

    public java.util.Optional<PlanItem> find(UUID organisationId, UUID itemId) {
        return jdbc.sql("""
                        select id, person_id, catalogue_item_id, skill_id, title, status, due_on from plan_items
                        where organisation_id = ? and id = ?""")
                .params(organisationId, itemId).query(PlanItem.class).optional();
    }

    /** Marks the person's own item done; false when it isn't theirs, or was already done or dropped. */
    public boolean complete(UUID organisationId, UUID itemId, UUID personId, java.time.OffsetDateTime at) {
        return jdbc.sql("""
                        update plan_items set status = 'done', completed_at = ?
                        where organisation_id = ? and id = ? and person_id = ? and status in ('planned', 'in_progress')""")
                .params(at, organisationId, itemId, personId).update() == 1;
    }
}
