package dev.stepwise.core.recommendations;

import dev.stepwise.core.competency.Level;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * People who offered to mentor others in a skill. A mentor is suggested only when they are also strong in it: at
 * least two ratings of that skill in feedback they received, with a median of Proficient or above, or a role that
 * requires Proficient or above.
 */
@Repository
public class Mentors {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Mentors(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the offer; offering twice changes nothing. */
    public void optIn(UUID organisationId, UUID personId, UUID skillId) {
        jdbc.sql("insert into mentors (organisation_id, person_id, skill_id, opted_in_at) values (?, ?, ?, ?) on conflict do nothing")
                .params(organisationId, personId, skillId, clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    public void optOut(UUID organisationId, UUID personId, UUID skillId) {
        jdbc.sql("delete from mentors where organisation_id = ? and person_id = ? and skill_id = ?")
                .params(organisationId, personId, skillId).update();
    }

    /** Opted-in mentors strong in the skill, other than {@code excluding}, the most recently opted in first. */
    public List<UUID> strongIn(UUID organisationId, UUID skillId, UUID excluding) {
        return jdbc.sql("""
                        select m.person_id from mentors m join people p on p.id = m.person_id
                        where m.organisation_id = ? and m.skill_id = ? and m.person_id <> ?
                          and (exists (select 1 from competency_requirements r
                                       where r.role_id = p.role_id and r.skill_id = m.skill_id and r.required_level >= ?)
                               or (select count(*) >= 2 and percentile_disc(0.5) within group (order by fs.rating) >= ?
                                   from feedback_item_skills fs join feedback_items f on f.id = fs.feedback_item_id
                                   where f.receiver_id = m.person_id and fs.skill_id = m.skill_id and fs.rating is not null))
                        order by m.opted_in_at desc, m.person_id limit 3""")
                .params(organisationId, skillId, excluding, Level.PROFICIENT.number(), Level.PROFICIENT.number())
                .query(UUID.class).list();
    }
}
