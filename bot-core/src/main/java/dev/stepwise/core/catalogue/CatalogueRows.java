package dev.stepwise.core.catalogue;

import dev.stepwise.core.catalogue.CatalogueRow.StoredEmbedding;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads catalogue items with their skills' names and stored embeddings, for embedding and for the search index. */
@Repository
public class CatalogueRows {

    /** The smallest UUID in PostgreSQL's order (unsigned bytes): a page "after" it starts at the beginning. */
    public static final UUID FIRST = new UUID(0, 0);

    /**
     * The items chosen by {@code %s} (a query over {@code catalogue_items c}), each with its skills and embedding. The
     * choice is made first, and each chosen item looks its skills and embedding up by key (the lateral subqueries), so
     * that a page of a big catalogue reads only its own rows whatever the planner's statistics say (right after a big
     * import they say little, and a hash join over every stored embedding made each page cost a full scan).
     */
    private static final String SELECT = """
            with chosen as materialized (%s)
            select c.id, c.organisation_id, c.key, c.title, c.url, c.description, c.type, c.level_min, c.level_max,
                   c.duration_minutes, c.language,
                   coalesce(s.keys, '{}') as skill_keys, coalesce(s.names, '{}') as skill_names,
                   e.model, e.text_hash, e.vector
            from chosen c
            left join lateral (select array_agg(sk.key order by sk.key) as keys, array_agg(sk.name order by sk.key) as names
                               from catalogue_item_skills cs join skills sk on sk.id = cs.skill_id
                               where cs.catalogue_item_id = c.id) s on true
            left join lateral (select model, text_hash, vector from catalogue_item_embeddings
                               where catalogue_item_id = c.id limit 1) e on true
            order by c.id""";

    private final JdbcClient jdbc;

    public CatalogueRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Organisations that have at least one catalogue item. */
    public List<UUID> organisationsWithItems() {
        return jdbc.sql("""
                        select o.id from organisations o
                        where exists (select 1 from catalogue_items c where c.organisation_id = o.id)
                        order by o.id""")
                .query(UUID.class).list();
    }

    /** Up to {@code limit} of the organisation's items with ids after {@code after}, in id order (keyset paging). */
    public List<CatalogueRow> page(UUID organisationId, UUID after, int limit) {
        return jdbc.sql(SELECT.formatted("""
                        select * from catalogue_items c where c.organisation_id = ? and c.id > ? order by c.id limit ?"""))
                .params(organisationId, after, limit)
                .query((rs, row) -> row(rs)).list();
    }

    /** Those of the ids that are the organisation's items (ids of deleted items, or other organisations', are absent). */
    public List<CatalogueRow> byIds(UUID organisationId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT.formatted("select * from catalogue_items c where c.organisation_id = ? and c.id = any(?)"))
                .params(organisationId, ids.toArray(UUID[]::new))
                .query((rs, row) -> row(rs)).list();
    }

    private static CatalogueRow row(ResultSet rs) throws SQLException {
        CatalogueItem item = new CatalogueItem(rs.getObject("id", UUID.class), rs.getString("key"), rs.getString("title"),
                rs.getString("url"), rs.getString("description"), rs.getString("type"), rs.getInt("level_min"),
                rs.getInt("level_max"), (Integer) rs.getObject("duration_minutes"), rs.getString("language"),
                List.of((String[]) rs.getArray("skill_keys").getArray()));
        String model = rs.getString("model");
        StoredEmbedding embedding = model == null ? null
                : StoredEmbedding.decode(model, rs.getBytes("text_hash"), rs.getBytes("vector"));
        return new CatalogueRow(rs.getObject("organisation_id", UUID.class), item,
                List.of((String[]) rs.getArray("skill_names").getArray()), embedding);
    }
}
