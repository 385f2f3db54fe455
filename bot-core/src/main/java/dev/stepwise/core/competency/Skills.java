package dev.stepwise.core.competency;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Skills {

    private final JdbcClient jdbc;

    public Skills(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID add(UUID organisationId, String key, String name, String description) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into skills (id, organisation_id, key, name, description) values (?, ?, ?, ?, ?)")
                .params(id, organisationId, key, name, description == null ? "" : description).update();
        return id;
    }

    /**
     * The one skill among {@code skills} that someone typed: by name or key in any case, else the only one whose name
     * contains the words or is contained in them; empty when none or several.
     */
    public static Optional<Skill> named(List<Skill> skills, String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String wanted = typed.strip().toLowerCase(Locale.ROOT).replaceAll("[.!?]+$", "");
        Optional<Skill> exact = skills.stream().filter(s -> s.name().equalsIgnoreCase(wanted) || s.key().equalsIgnoreCase(wanted)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        List<Skill> partial = skills.stream().filter(s -> s.name().toLowerCase(Locale.ROOT).contains(wanted)
                || wanted.contains(s.name().toLowerCase(Locale.ROOT))).toList();
        return partial.size() == 1 ? Optional.of(partial.getFirst()) : Optional.empty();
    }

    public List<Skill> list(UUID organisationId) {
        return jdbc.sql("select id, organisation_id, key, name, description from skills where organisation_id = ? order by name")
                .param(organisationId).query(Skill.class).list();
    }

    public Optional<Skill> find(UUID organisationId, UUID skillId) {
        return jdbc.sql("select id, organisation_id, key, name, description from skills where organisation_id = ? and id = ?")
                .params(organisationId, skillId).query(Skill.class).optional();
    }

    /** The skills a role's competency matrix names, alphabetically. */
    public List<Skill> forRole(UUID organisationId, UUID roleId) {
        return jdbc.sql("""
                        select s.id, s.organisation_id, s.key, s.name, s.description
                        from skills s join competency_requirements r on r.skill_id = s.id
                        where s.organisation_id = ? and r.role_id = ? order by s.name""")
                .params(organisationId, roleId).query(Skill.class).list();
    }
}
