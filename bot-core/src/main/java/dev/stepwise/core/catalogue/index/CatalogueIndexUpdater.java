package dev.stepwise.core.catalogue.index;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies changes to this instance's indexes in the background, one at a time and in the order they came (on a
 * thread of its own, never on the Redis client's). Used for changes announced by any instance.
 */
@Component
public class CatalogueIndexUpdater implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CatalogueIndexUpdater.class);

    private final CatalogueIndexes indexes;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("catalogue-index").daemon(true).factory());

    public CatalogueIndexUpdater(CatalogueIndexes indexes) {
        this.indexes = indexes;
    }

    /** Reads the items of the organisation again from PostgreSQL into the index, soon. */
    public void reloadLater(UUID organisationId, Collection<UUID> itemIds) {
        List<UUID> ids = List.copyOf(itemIds);
        run(() -> indexes.reload(organisationId, ids), "reload " + ids.size() + " catalogue items of organisation " + organisationId);
    }

    /** Rebuilds every organisation's index, soon (after changes may have been missed). */
    public void rebuildAllLater() {
        run(indexes::rebuildAll, "rebuild every catalogue index");
    }

    private void run(Runnable work, String what) {
        try {
            worker.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("Could not {}", what, e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            log.debug("Not applied while stopping: {}", what);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
