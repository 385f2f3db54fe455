package dev.stepwise.core.catalogue.index;

import java.util.List;
import java.util.UUID;

/**
 * An organisation's index was built with items that have no up-to-date embedding (new since the last start, or
 * loaded by a path that announced nothing): they are searchable by keyword, and need embedding to be found by meaning.
 */
public record ItemsIndexedWithoutEmbedding(UUID organisationId, List<UUID> itemIds) {
    public ItemsIndexedWithoutEmbedding {
        itemIds = List.copyOf(itemIds);
    }
}
