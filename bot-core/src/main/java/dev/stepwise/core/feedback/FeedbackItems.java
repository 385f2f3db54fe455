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

    /** The columns {@link #received} reads: an item as its reader sees it (the giver hidden when anonymous). */
    private static final String RECEIVED_COLUMNS = """
            f.id, case when f.anonymous then null else g.name end as giver_name, f.text, f.context,
            o.title as objective, f.created_at, f.visibility = 'recipient_and_manager' as shared,
            coalesce(array(select s.name from feedback_item_skills fs join skills s on s.id = fs.skill_id
                           where fs.feedback_item_id = f.id order by s.name), '{}') as skills
            """;

    public FeedbackItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the item, with its named parts and the request it answers, and its skill tags; call inside a transaction. */
    public UUID insert(UUID organisationId, NewFeedback feedback, OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        FeedbackParts words = feedback.words();
        jdbc.sql("""
                        insert into feedback_items (id, organisation_id, giver_id, receiver_id, request_id, objective_id, text,
                                                    went_well, could_be_better, context, visibility, anonymous, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisationId, feedback.giverId(), feedback.receiverId(), feedback.requestId(),
                        feedback.objectiveId(), words.composed(), words.wentWellOrNull(), words.couldBeBetterOrNull(),
                        feedback.context(), feedback.visibility().column(), feedback.anonymous(), at)
                .update();
        for (NewFeedback.SkillTag tag : feedback.skills()) {
            jdbc.sql("insert into feedback_item_skills (feedback_item_id, skill_id, organisation_id, rating) values (?, ?, ?, ?)")
                    .params(id, tag.skillId(), organisationId, tag.rating()).update();
        }
        return id;
    }

    /**
     * Feedback the person received, newest first. Answers to an anonymous request are not listed one by one:
     * they are shown only together, in the request's summary, once enough people have answered.
     */
    public List<ReceivedFeedback> receivedBy(UUID organisationId, UUID receiverId, int limit) {
        return jdbc.sql("select " + RECEIVED_COLUMNS + """
                        from feedback_items f
                        join people g on g.id = f.giver_id
                        left join objectives o on o.id = f.objective_id
                        where f.organisation_id = ? and f.receiver_id = ? and not (f.anonymous and f.request_id is not null)
                        order by f.created_at desc, f.id
                        limit ?""")
                .params(organisationId, receiverId, limit)
                .query(FeedbackItems::received)
                .list();
    }

    /**
     * Shares one item the person received with their manager, or stops sharing it; false when it isn't theirs
     * (or is an answer to an anonymous request, which is never shown one by one).
     */
    public boolean share(UUID organisationId, UUID itemId, UUID receiverId, boolean shared) {
        return jdbc.sql("""
                        update feedback_items set visibility = ?
                        where organisation_id = ? and id = ? and receiver_id = ? and not (anonymous and request_id is not null)""")
                .params(shared ? "recipient_and_manager" : "recipient", organisationId, itemId, receiverId).update() == 1;
    }

    /**
     * What a manager may read of one direct report's feedback, newest first: what the report shared, or with the
     * organisation's {@code named} policy every item with a named giver. Never answers to anonymous requests.
     */
    public List<ReceivedFeedback> visibleToManager(UUID organisationId, UUID managerId, UUID reportId, int limit) {
        return jdbc.sql("select " + RECEIVED_COLUMNS + """
                        from feedback_items f
                        join people r on r.id = f.receiver_id and r.organisation_id = f.organisation_id
                        join organisations org on org.id = f.organisation_id
                        join people g on g.id = f.giver_id
                        left join objectives o on o.id = f.objective_id
                        where f.organisation_id = ? and f.receiver_id = ? and r.manager_id = ?
                          and not (f.anonymous and f.request_id is not null)
                          and (f.visibility = 'recipient_and_manager' or (org.manager_feedback_access = 'named' and not f.anonymous))
                        order by f.created_at desc, f.id
                        limit ?""")
                .params(organisationId, reportId, managerId, limit)
                .query(FeedbackItems::received)
                .list();
    }

    public int countReceivedBy(UUID organisationId, UUID receiverId) {
        return jdbc.sql("""
                        select count(*) from feedback_items
                        where organisation_id = ? and receiver_id = ? and not (anonymous and request_id is not null)""")
                .params(organisationId, receiverId).query(Integer.class).single();
    }

    /** The answers to a request, oldest first, with the giver's name (callers decide whether it may be shown). */
    public List<RequestAnswerRow> answersTo(UUID organisationId, UUID requestId) {
        return jdbc.sql("""
                        select f.id, g.name, f.went_well, f.could_be_better, f.text, f.created_at
                        from feedback_items f join people g on g.id = f.giver_id and g.organisation_id = f.organisation_id
                        where f.organisation_id = ? and f.request_id = ?
                        order by f.created_at, f.id""")
                .params(organisationId, requestId)
                .query((rs, n) -> new RequestAnswerRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
                .list();
    }

    /** One stored answer to a request. {@code text} is the whole answer as stored. */
    public record RequestAnswerRow(UUID id, String giverName, String wentWell, String couldBeBetter, String text,
                                   OffsetDateTime at) {
    }

    /** The ratings each answer gave, by item id: skill name to level number. */
    public java.util.Map<UUID, java.util.Map<String, Integer>> ratingsOf(UUID organisationId, UUID requestId) {
        java.util.Map<UUID, java.util.Map<String, Integer>> ratings = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        select fs.feedback_item_id, s.name, fs.rating
                        from feedback_item_skills fs
                        join feedback_items f on f.id = fs.feedback_item_id and f.organisation_id = fs.organisation_id
                        join skills s on s.id = fs.skill_id
                        where f.organisation_id = ? and f.request_id = ? and fs.rating is not null
                        order by s.name""")
                .params(organisationId, requestId)
                .query((rs, n) -> {
                    ratings.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.LinkedHashMap<>())
                            .put(rs.getString(2), rs.getInt(3));
                    return null;
                }).list();
        return ratings;
    }

    private static ReceivedFeedback received(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ReceivedFeedback(rs.getObject("id", UUID.class), rs.getString("giver_name"), rs.getString("text"),
                rs.getString("context"), rs.getString("objective"), List.of((String[]) rs.getArray("skills").getArray()),
                rs.getObject("created_at", OffsetDateTime.class), rs.getBoolean("shared"));
    }
}
