package dev.stepwise.core.catalogue.embedding;

import dev.stepwise.core.catalogue.CatalogueRow;
import dev.stepwise.core.catalogue.CatalogueRow.StoredEmbedding;
import dev.stepwise.core.catalogue.CatalogueRows;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Embeds catalogue items that lack an up-to-date embedding (none yet, one of an older text, or of another model)
 * and stores it. An item whose text is unchanged is never embedded again.
 */
@Service
public class ItemEmbeddings {

    /** Items embedded per transaction: about half a second of work at 10-15 ms an item. */
    public static final int BATCH = 32;

    private final CatalogueRows rows;
    private final CatalogueEmbeddings embeddings;
    private final TextEmbedder embedder;
    private final TransactionTemplate transaction;

    public ItemEmbeddings(CatalogueRows rows, CatalogueEmbeddings embeddings, TextEmbedder embedder,
                          TransactionTemplate transaction) {
        this.rows = rows;
        this.embeddings = embeddings;
        this.embedder = embedder;
        this.transaction = transaction;
    }

    /**
     * Embeds those of at most {@link #BATCH} items that need it, under the organisation's embedding lock (the check
     * is made after the lock is held, so two instances never embed the same text).
     *
     * @return how many items were embedded
     */
    public int embedStale(UUID organisationId, Collection<UUID> itemIds) {
        if (itemIds.size() > BATCH) {
            throw new IllegalArgumentException("At most " + BATCH + " items at a time");
        }
        Integer embedded = transaction.execute(status -> {
            embeddings.lockOrganisation(organisationId);
            List<CatalogueRow> stale = rows.byIds(organisationId, itemIds).stream()
                    .filter(row -> row.upToDateVector(embedder.modelName()) == null).toList();
            if (stale.isEmpty()) {
                return 0;
            }
            List<float[]> vectors = embedder.embedAll(stale.stream().map(CatalogueRow::embeddingText).toList());
            for (int i = 0; i < stale.size(); i++) {
                CatalogueRow row = stale.get(i);
                embeddings.store(organisationId, row.item().id(),
                        new StoredEmbedding(embedder.modelName(), row.textHash(), vectors.get(i)));
            }
            return stale.size();
        });
        return embedded == null ? 0 : embedded;
    }
}
