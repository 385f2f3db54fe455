package dev.stepwise.core.catalogue.embedding;

import dev.stepwise.core.catalogue.CatalogueRow.StoredEmbedding;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored embeddings of catalogue items (table {@code catalogue_item_embeddings}). */
@Repository
public class CatalogueEmbeddings {

    private final JdbcClient jdbc;
    private final Clock clock;

    public CatalogueEmbeddings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Waits for, then holds until the end of the current transaction, the organisation's embedding lock: whoever
     * embeds an organisation's items does so alone, so no instance embeds what another has just embedded.
     */
    public void lockOrganisation(UUID organisationId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("catalogue-embeddings:" + organisationId).query().singleRow();
    }

    /** Stores (or replaces) an item's embedding; does nothing if the item is gone meanwhile. */
    public void store(UUID organisationId, UUID itemId, StoredEmbedding embedding) {
        jdbc.sql("""
                        insert into catalogue_item_embeddings (catalogue_item_id, organisation_id, model, text_hash, dimensions, vector,
                                                               embedded_at)
                        select ?, ?, ?, ?, ?, ?, ?
                        where exists (select 1 from catalogue_items where id = ? and organisation_id = ?)
                        on conflict (catalogue_item_id) do update
                        set model = excluded.model, text_hash = excluded.text_hash, dimensions = excluded.dimensions,
                            vector = excluded.vector, embedded_at = excluded.embedded_at""")
                .params(itemId, organisationId, embedding.model(), embedding.textHash(), embedding.vector().length,
                        StoredEmbedding.encode(embedding.vector()), clock.instant().atOffset(ZoneOffset.UTC), itemId,
                        organisationId)
                .update();
    }
}
