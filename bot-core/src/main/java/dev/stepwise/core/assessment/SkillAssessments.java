package dev.stepwise.core.assessment;

import dev.stepwise.core.assessment.StageScoring.Answer;
import dev.stepwise.core.competency.Level;
import java.sql.Array;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Self-assessment runs, their answers as given, and the stages they settle on (kept as history). */
@Repository
public class SkillAssessments {

    /** A run: whose, against which role (or null), the skills in the order they're asked, and where it stands. */
    public record Run(UUID id, UUID personId, UUID roleId, List<UUID> skillIds, String status) {
    }

    /** A stage someone gave a skill, and when. */
    public record Rating(UUID skillId, Level stage, String confidence, OffsetDateTime ratedAt) {
    }

    private final JdbcClient jdbc;

    public SkillAssessments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID start(UUID organisationId, UUID personId, UUID roleId, List<UUID> skillIds, OffsetDateTime now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into skill_assessments (id, organisation_id, person_id, role_id, skill_ids, status, started_at, updated_at)
                        values (?, ?, ?, ?, ?, 'in_progress', ?, ?)""")
                .params(id, organisationId, personId, roleId, skillIds.toArray(UUID[]::new), now, now).update();
        return id;
    }

    public Optional<Run> find(UUID organisationId, UUID runId) {
        return jdbc.sql("select id, person_id, role_id, skill_ids, status from skill_assessments where organisation_id = ? and id = ?")
                .params(organisationId, runId).query((rs, row) -> run(rs)).optional();
    }

    /** The person's latest run still in progress, if any. */
    public Optional<Run> inProgress(UUID organisationId, UUID personId) {
        return jdbc.sql("""
                        select id, person_id, role_id, skill_ids, status from skill_assessments
                        where organisation_id = ? and person_id = ? and status = 'in_progress' order by updated_at desc limit 1""")
                .params(organisationId, personId).query((rs, row) -> run(rs)).optional();
    }

    /** Records (or changes) an answer to one statement of a run still in progress; false when the run is over. */
    public boolean answer(UUID organisationId, UUID runId, UUID skillId, Level level, Answer answer, OffsetDateTime now) {
        int touched = jdbc.sql("update skill_assessments set updated_at = ? where organisation_id = ? and id = ? and status = 'in_progress'")
                .params(now, organisationId, runId).update();
        if (touched == 0) {
            return false;
        }
        jdbc.sql("""
                        insert into assessment_answers (assessment_id, organisation_id, skill_id, level, answer, answered_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (assessment_id, skill_id, level) do update set answer = excluded.answer, answered_at = excluded.answered_at""")
                .params(runId, organisationId, skillId, level.number(), answer.name().toLowerCase(Locale.ROOT), now).update();
        return true;
    }

    /** Every answer of the run, by skill and stage. */
    public Map<UUID, Map<Level, Answer>> answers(UUID organisationId, UUID runId) {
        Map<UUID, Map<Level, Answer>> answers = new LinkedHashMap<>();
        jdbc.sql("select skill_id, level, answer from assessment_answers where organisation_id = ? and assessment_id = ? order by answered_at")
                .params(organisationId, runId)
                .query(rs -> {
                    answers.computeIfAbsent(rs.getObject("skill_id", UUID.class), k -> new EnumMap<>(Level.class))
                            .put(Level.of(rs.getInt("level")), Answer.valueOf(rs.getString("answer").toUpperCase(Locale.ROOT)));
                });
        return answers;
    }

    /** Ends the run ({@code finished} or {@code stopped}) with the stage of each skill it settled, in one go. */
    public void end(UUID organisationId, Run run, String status, Map<UUID, StageScoring.Result> stages, OffsetDateTime now) {
        jdbc.sql("update skill_assessments set status = ?, updated_at = ? where organisation_id = ? and id = ? and status = 'in_progress'")
                .params(status, now, organisationId, run.id()).update();
        stages.forEach((skillId, result) -> jdbc.sql("""
                        insert into skill_ratings (id, organisation_id, person_id, skill_id, rater_id, kind, stage, confidence, assessment_id, rated_at)
                        values (?, ?, ?, ?, ?, 'self', ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), organisationId, run.personId(), skillId, run.personId(), result.stage().number(),
                        result.confidence().name().toLowerCase(Locale.ROOT), run.id(), now)
                .update());
    }

    /** The person's latest self-rating of each skill they have rated. */
    public Map<UUID, Rating> latestSelf(UUID organisationId, UUID personId) {
        Map<UUID, Rating> latest = new LinkedHashMap<>();
        jdbc.sql("""
                        select distinct on (skill_id) skill_id, stage, confidence, rated_at from skill_ratings
                        where organisation_id = ? and person_id = ? and kind = 'self' order by skill_id, rated_at desc""")
                .params(organisationId, personId)
                .query(rs -> {
                    UUID skill = rs.getObject("skill_id", UUID.class);
                    latest.put(skill, new Rating(skill, Level.of(rs.getInt("stage")), rs.getString("confidence"),
                            rs.getObject("rated_at", OffsetDateTime.class)));
                });
        return latest;
    }

    private static Run run(java.sql.ResultSet rs) throws java.sql.SQLException {
        Array skills = rs.getArray("skill_ids");
        return new Run(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class), rs.getObject("role_id", UUID.class),
                Arrays.asList((UUID[]) skills.getArray()), rs.getString("status"));
    }
}
