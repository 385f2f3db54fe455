package dev.stepwise.core.feedback;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored feedback. Reads are only ever by the receiver: nobody lists feedback about someone else here. */
@Repository
public class FeedbackItems {

    private final JdbcClient jdbc;

    public FeedbackItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the item and its skill tags; call inside a transaction. */
    public UUID insert(UUID organisationId, NewFeedback feedback, OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into feedback_items (id, organisation_id, giver_id, receiver_id, objective_id, text, context,
                                                    visibility, anonymous, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisationId, feedback.giverId(), feedback.receiverId(), feedback.objectiveId(),
                        feedback.text(), feedback.context(), feedback.visibility().column(), feedback.anonymous(), at)
                .update();
        for (NewFeedback.SkillTag tag : feedback.skills()) {
            jdbc.sql("insert into feedback_item_skills (feedback_item_id, skill_id, organisation_id, rating) values (?, ?, ?, ?)")
                    .params(id, tag.skillId(), organisationId, tag.rating()).update();
        }
        return id;
    }

    /** Feedback the person received, newest first. */
    public List<ReceivedFeedback> receivedBy(UUID organisationId, UUID receiverId, int limit) {
        return jdbc.sql("""
                        select f.id, case when f.anonymous then null else g.name end as giver_name, f.text, f.context,
                               o.title as objective, f.created_at,
                               coalesce(array(select s.name from feedback_item_skills fs join skills s on s.id = fs.skill_id
                                              where fs.feedback_item_id = f.id order by s.name), '{}') as skills
                        from feedback_items f
                        join people g on g.id = f.giver_id
                        left join objectives o on o.id = f.objective_id
                        where f.organisation_id = ? and f.receiver_id = ?
                        order by f.created_at desc, f.id
                        limit ?""")
                .params(organisationId, receiverId, limit)
                .query((rs, row) -> new ReceivedFeedback(rs.getObject("id", UUID.class), rs.getString("giver_name"),
                        rs.getString("text"), rs.getString("context"), rs.getString("objective"),
                        List.of((String[]) rs.getArray("skills").getArray()),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    public int countReceivedBy(UUID organisationId, UUID receiverId) {
        return jdbc.sql("select count(*) from feedback_items where organisation_id = ? and receiver_id = ?")
                .params(organisationId, receiverId).query(Integer.class).single();
    }
}
