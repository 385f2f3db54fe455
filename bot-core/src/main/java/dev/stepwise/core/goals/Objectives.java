package dev.stepwise.core.goals;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Objectives {

    private static final String SELECT = """
            select o.id, o.organisation_id, o.owner_id, o.title, o.measure, o.due_on, o.status, o.progress,
                   coalesce(array(select g.title from objective_business_goals og
                                  join business_goals g on g.id = og.business_goal_id
                                  where og.objective_id = o.id order by g.title), '{}') as business_goals
            from objectives o
            """;

    private final JdbcClient jdbc;

    public Objectives(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID add(UUID organisationId, NewObjective objective) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into objectives (id, organisation_id, owner_id, title, measure, due_on, status, progress)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisationId, objective.ownerId(), objective.title(), objective.measure(),
                        objective.dueOn(), objective.status(), objective.progress())
                .update();
        for (UUID goal : objective.businessGoalIds()) {
            jdbc.sql("insert into objective_business_goals (objective_id, business_goal_id, organisation_id) values (?, ?, ?)")
                    .params(id, goal, organisationId).update();
        }
        return id;
    }

    public Optional<Objective> find(UUID organisationId, UUID objectiveId) {
        return jdbc.sql(SELECT + " where o.organisation_id = ? and o.id = ?")
                .params(organisationId, objectiveId).query(Objectives::map).optional();
    }

    /** The owner's objectives that are not done or cancelled, soonest due first. */
    public List<Objective> openFor(UUID organisationId, UUID ownerId) {
        return jdbc.sql(SELECT + """
                         where o.organisation_id = ? and o.owner_id = ? and o.status in ('draft', 'active', 'at_risk')
                        order by o.due_on nulls last, o.title""")
                .params(organisationId, ownerId).query(Objectives::map).list();
    }

    private static Objective map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String[] goals = (String[]) rs.getArray("business_goals").getArray();
        return new Objective(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                rs.getObject("owner_id", UUID.class), rs.getString("title"), rs.getString("measure"),
                rs.getObject("due_on", java.time.LocalDate.class), rs.getString("status"), rs.getInt("progress"),
                List.of(goals));
    }
}
