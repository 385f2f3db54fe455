package dev.stepwise.core.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes an organisation's catalogue items by their key, for imports and the admin API: every statement is scoped to
 * the organisation, so one organisation's import never reads or touches another's items.
 */
@Repository
public class CatalogueStore {

    private static final String COLUMNS = """
            c.id, c.key, c.title, c.url, c.description, c.type, c.level_min, c.level_max, c.duration_minutes, c.language,
            array(select s.key from catalogue_item_skills cs join skills s on s.id = cs.skill_id
                  where cs.catalogue_item_id = c.id order by s.key) as skills""";

    private final JdbcClient jdbc;
    private final Clock clock;

    public CatalogueStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Holds the organisation's catalogue for this transaction, so that two imports into it run one after the other. */
    public void lock(UUID organisationId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('catalogue'), hashtext(?))").param(organisationId.toString())
                .query((rs, row) -> 1).list();
    }

    /** Every item of the organisation by key, skills as sorted keys. */
    public Map<String, CatalogueItem> byKey(UUID organisationId) {
        Map<String, CatalogueItem> items = new LinkedHashMap<>();
        jdbc.sql("select " + COLUMNS + " from catalogue_items c where c.organisation_id = ? order by c.key")
                .param(organisationId).query(CatalogueStore::item).list().forEach(item -> items.put(item.key(), item));
        return items;
    }

    public Optional<CatalogueItem> find(UUID organisationId, String key) {
        return jdbc.sql("select " + COLUMNS + " from catalogue_items c where c.organisation_id = ? and c.key = ?")
                .params(organisationId, key).query(CatalogueStore::item).optional();
    }

    /** Inserts the item with its skills ({@code skillIds}: skill key → id of this organisation's skill). */
    public UUID insert(UUID organisationId, CatalogueItem item, Map<String, UUID> skillIds) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into catalogue_items (id, organisation_id, key, title, url, description, type,
                                                     level_min, level_max, duration_minutes, language)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisationId, item.key(), item.title(), item.url(), item.description(), item.type(),
                        item.levelMin(), item.levelMax(), item.durationMinutes(), item.language())
                .update();
        insertSkills(organisationId, id, item.skills(), skillIds);
        return id;
    }

    /** Replaces the content and skills of the organisation's item {@code id} with {@code item}'s. */
    public void update(UUID organisationId, UUID id, CatalogueItem item, Map<String, UUID> skillIds) {
        int updated = jdbc.sql("""
                        update catalogue_items set title = ?, url = ?, description = ?, type = ?, level_min = ?,
                               level_max = ?, duration_minutes = ?, language = ?, updated_at = ?
                        where id = ? and organisation_id = ?""")
                .params(item.title(), item.url(), item.description(), item.type(), item.levelMin(), item.levelMax(),
                        item.durationMinutes(), item.language(), clock.instant().atOffset(ZoneOffset.UTC), id, organisationId)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("Catalogue item " + id + " is not in organisation " + organisationId);
        }
        jdbc.sql("delete from catalogue_item_skills where catalogue_item_id = ? and organisation_id = ?")
                .params(id, organisationId).update();
        insertSkills(organisationId, id, item.skills(), skillIds);
    }

    /** Deletes the organisation's items with these keys; returns the deleted ones' ids by key. */
    public Map<String, UUID> delete(UUID organisationId, Collection<String> keys) {
        Map<String, UUID> deleted = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return deleted;
        }
        jdbc.sql("delete from catalogue_items where organisation_id = ? and key = any(?) returning key, id")
                .params(organisationId, keys.toArray(String[]::new))
                .query((rs, row) -> Map.entry(rs.getString("key"), rs.getObject("id", UUID.class)))
                .list().forEach(entry -> deleted.put(entry.getKey(), entry.getValue()));
        return deleted;
    }

    private void insertSkills(UUID organisationId, UUID itemId, List<String> skills, Map<String, UUID> skillIds) {
        for (String skill : skills) {
            UUID skillId = skillIds.get(skill);
            if (skillId == null) {
                throw new IllegalArgumentException("Catalogue item names unknown skill '" + skill + "'");
            }
            jdbc.sql("insert into catalogue_item_skills (catalogue_item_id, skill_id, organisation_id) values (?, ?, ?)")
                    .params(itemId, skillId, organisationId).update();
        }
    }

    private static CatalogueItem item(ResultSet rs, int row) throws SQLException {
        return new CatalogueItem(rs.getObject("id", UUID.class), rs.getString("key"), rs.getString("title"),
                rs.getString("url"), rs.getString("description"), rs.getString("type"), rs.getInt("level_min"),
                rs.getInt("level_max"), (Integer) rs.getObject("duration_minutes"), rs.getString("language"),
                List.of((String[]) rs.getArray("skills").getArray()));
    }
}
