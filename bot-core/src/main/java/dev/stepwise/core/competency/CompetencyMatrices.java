package dev.stepwise.core.competency;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Role x skill -> required level, with the behavioural statement for each of the five levels. */
@Repository
public class CompetencyMatrices {

    private final JdbcClient jdbc;

    public CompetencyMatrices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void require(UUID organisationId, UUID roleId, UUID skillId, Level level, Map<Level, String> statements) {
        jdbc.sql("""
                        insert into competency_requirements (organisation_id, role_id, skill_id, required_level)
                        values (?, ?, ?, ?)
                        on conflict (role_id, skill_id) do update set required_level = excluded.required_level""")
                .params(organisationId, roleId, skillId, level.number()).update();
        statements.forEach((statementLevel, statement) -> jdbc.sql("""
                        insert into behaviour_statements (role_id, skill_id, level, statement) values (?, ?, ?, ?)
                        on conflict (role_id, skill_id, level) do update set statement = excluded.statement""")
                .params(roleId, skillId, statementLevel.number(), statement).update());
    }

    /** The role's matrix, skills alphabetically. */
    public List<Requirement> forRole(UUID organisationId, UUID roleId) {
        Map<UUID, Skill> skills = new LinkedHashMap<>();
        Map<UUID, Integer> levels = new LinkedHashMap<>();
        jdbc.sql("""
                        select s.id, s.organisation_id, s.key, s.name, s.description, r.required_level
                        from competency_requirements r join skills s on s.id = r.skill_id
                        where r.organisation_id = ? and r.role_id = ? order by s.name""")
                .params(organisationId, roleId)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    skills.put(id, new Skill(id, rs.getObject("organisation_id", UUID.class), rs.getString("key"),
                            rs.getString("name"), rs.getString("description")));
                    levels.put(id, rs.getInt("required_level"));
                });
        Map<UUID, Map<Level, String>> statements = new LinkedHashMap<>();
        jdbc.sql("select skill_id, level, statement from behaviour_statements where role_id = ?")
                .param(roleId)
                .query(rs -> {
                    statements.computeIfAbsent(rs.getObject("skill_id", UUID.class), k -> new EnumMap<>(Level.class))
                            .put(Level.of(rs.getInt("level")), rs.getString("statement"));
                });
        return skills.values().stream()
                .map(skill -> new Requirement(skill, Level.of(levels.get(skill.id())),
                        statements.getOrDefault(skill.id(), Map.of())))
                .toList();
    }
}
