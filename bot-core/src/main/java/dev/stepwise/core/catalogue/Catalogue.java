package dev.stepwise.core.catalogue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisation's learning catalogue. */
@Repository
public class Catalogue {

    private final JdbcClient jdbc;

    public Catalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds an item; {@code skillIds} maps the item's skill keys to the organisation's skill ids. */
    public UUID add(UUID organisationId, CatalogueItem item, Map<String, UUID> skillIds) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into catalogue_items (id, organisation_id, key, title, url, description, type,
                                                     level_min, level_max, duration_minutes, language)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisationId, item.key(), item.title(), item.url(), item.description(), item.type(),
                        item.levelMin(), item.levelMax(), item.durationMinutes(), item.language())
                .update();
        for (String skill : item.skills()) {
            UUID skillId = skillIds.get(skill);
            if (skillId == null) {
                throw new IllegalArgumentException("Catalogue item '" + item.key() + "' names unknown skill '" + skill + "'");
            }
            jdbc.sql("insert into catalogue_item_skills (catalogue_item_id, skill_id, organisation_id) values (?, ?, ?)")
                    .params(id, skillId, organisationId).update();
        }
        return id;
    }

    /** The columns of an item with its skill keys, read by {@link #item}. */
    private static final String ITEM_COLUMNS = """
            select c.id, c.key, c.title, c.url, c.description, c.type, c.level_min, c.level_max,
                   c.duration_minutes, c.language,
                   array(select s.key from catalogue_item_skills cs join skills s on s.id = cs.skill_id
                         where cs.catalogue_item_id = c.id order by s.key) as skills
            """;

    /** Items that develop the skill at the given stage, shortest first. */
    public List<CatalogueItem> forSkillAtLevel(UUID organisationId, UUID skillId, int level) {
        return jdbc.sql(ITEM_COLUMNS + """
                        from catalogue_items c join catalogue_item_skills cs on cs.catalogue_item_id = c.id
                        where c.organisation_id = ? and cs.skill_id = ? and ? between c.level_min and c.level_max
                        order by c.duration_minutes nulls last, c.title""")
                .params(organisationId, skillId, level)
                .query((rs, row) -> item(rs))
                .list();
    }

    /** The organisation's item with this id; another organisation's id finds nothing. */
    public java.util.Optional<CatalogueItem> find(UUID organisationId, UUID itemId) {
        return jdbc.sql(ITEM_COLUMNS + "from catalogue_items c where c.organisation_id = ? and c.id = ?")
                .params(organisationId, itemId)
                .query((rs, row) -> item(rs))
                .optional();
    }

    private static CatalogueItem item(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CatalogueItem(rs.getObject("id", UUID.class), rs.getString("key"),
                rs.getString("title"), rs.getString("url"), rs.getString("description"), rs.getString("type"),
                rs.getInt("level_min"), rs.getInt("level_max"), (Integer) rs.getObject("duration_minutes"),
                rs.getString("language"), List.of((String[]) rs.getArray("skills").getArray()));
    }

    /** The ids of every item of the organisation's catalogue. */
    public List<UUID> ids(UUID organisationId) {
        return jdbc.sql("select id from catalogue_items where organisation_id = ? order by id")
                .param(organisationId).query(UUID.class).list();
    }

    public int count(UUID organisationId) {
        return jdbc.sql("select count(*) from catalogue_items where organisation_id = ?")
                .param(organisationId).query(Integer.class).single();
    }
}
