package dev.stepwise.core.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How much feedback each tag has gathered: counts by objective, by skill and by business goal, for reports and
 * nudges. Only numbers leave here, never texts or givers, so anonymous items count like any other.
 *
 * <p>Rules, the same for all three roll-ups:
 * <ul>
 *   <li>only items of the given organisation count;</li>
 *   <li>{@code receiver}, when present, keeps items about that one person;</li>
 *   <li>{@code since} keeps items created at or after that instant (use {@link Instant#EPOCH} for all time);</li>
 *   <li>an item counts once for each tag it carries: once per skill tag, and once for each business goal of its
 *       objective; items without such a tag count nowhere;</li>
 *   <li>tags with no counted item are not listed (no zero rows);</li>
 *   <li>ordered by count, highest first, then by name, then by id so that equal names keep a stable order.</li>
 * </ul>
 * Each roll-up is one grouped query.
 */
@Repository
public class FeedbackTagCounts {

    /**
     * One tag's tally.
     *
     * @param id     the objective, skill or business goal
     * @param name   the objective's title, the skill's name or the business goal's title
     * @param count  how many counted feedback items carry the tag (always at least 1)
     * @param latest when the newest of them was given
     */
    public record TagCount(UUID id, String name, long count, Instant latest) {
    }

    private final JdbcClient jdbc;

    public FeedbackTagCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Feedback per objective it was given against, named by the objective's title. */
    public List<TagCount> byObjective(UUID organisationId, Optional<UUID> receiver, Instant since) {
        return query("""
                select o.id, o.title as name, count(*) as n, max(f.created_at) as latest
                from feedback_items f
                join objectives o on o.id = f.objective_id and o.organisation_id = f.organisation_id
                """, "o.id, o.title", organisationId, receiver, since);
    }

    /** Feedback per skill tag, named by the skill's name. */
    public List<TagCount> bySkill(UUID organisationId, Optional<UUID> receiver, Instant since) {
        return query("""
                select s.id, s.name as name, count(*) as n, max(f.created_at) as latest
                from feedback_items f
                join feedback_item_skills fs on fs.feedback_item_id = f.id and fs.organisation_id = f.organisation_id
                join skills s on s.id = fs.skill_id and s.organisation_id = fs.organisation_id
                """, "s.id, s.name", organisationId, receiver, since);
    }

    /** Feedback per business goal, reached through the goals the item's objective is tagged with. */
    public List<TagCount> byBusinessGoal(UUID organisationId, Optional<UUID> receiver, Instant since) {
        return query("""
                select g.id, g.title as name, count(*) as n, max(f.created_at) as latest
                from feedback_items f
                join objective_business_goals og on og.objective_id = f.objective_id and og.organisation_id = f.organisation_id
                join business_goals g on g.id = og.business_goal_id and g.organisation_id = og.organisation_id
                """, "g.id, g.title", organisationId, receiver, since);
    }

    // Each item row joins to at most one row per tag (the tag tables' primary keys are (item, skill) and
    // (objective, goal), and an item has one objective), so count(*) counts items per tag.
    private List<TagCount> query(String selectFrom, String groupBy, UUID organisationId, Optional<UUID> receiver,
                                 Instant since) {
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(since, "since");
        String sql = selectFrom
                + "where f.organisation_id = :organisation and f.created_at >= :since\n"
                + (receiver.isPresent() ? "  and f.receiver_id = :receiver\n" : "")
                + "group by " + groupBy + "\n"
                + "order by n desc, name, id";
        var statement = jdbc.sql(sql)
                .param("organisation", organisationId)
                .param("since", OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC));
        if (receiver.isPresent()) {
            statement = statement.param("receiver", receiver.get());
        }
        return statement.query(FeedbackTagCounts::map).list();
    }

    private static TagCount map(ResultSet rs, int row) throws SQLException {
        return new TagCount(rs.getObject("id", UUID.class), rs.getString("name"), rs.getLong("n"),
                rs.getObject("latest", OffsetDateTime.class).toInstant());
    }
}
