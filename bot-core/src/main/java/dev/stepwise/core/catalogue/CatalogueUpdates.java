package dev.stepwise.core.catalogue;

import java.util.Collection;
import java.util.UUID;

/**
 * Told after items were added, changed or deleted in PostgreSQL (after commit). It computes what derives from them
 * (embeddings) and makes every running instance's search index current.
 */
public interface CatalogueUpdates {
    void changed(UUID organisationId, Collection<UUID> itemIds);
}
