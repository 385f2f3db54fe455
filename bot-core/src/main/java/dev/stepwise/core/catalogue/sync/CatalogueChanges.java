package dev.stepwise.core.catalogue.sync;

import dev.stepwise.core.catalogue.CatalogueUpdates;
import dev.stepwise.core.catalogue.embedding.ItemEmbeddings;
import dev.stepwise.core.catalogue.embedding.TextEmbedder;
import dev.stepwise.core.catalogue.index.ItemsIndexedWithoutEmbedding;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Where catalogue changes go once committed: on this instance (the one that made them), in the background, the
 * changed items are embedded ({@link ItemEmbeddings#BATCH} at a time, each item only if its text changed), then each
 * batch is announced to every instance, which reloads those items into its index. An item thus becomes searchable,
 * or stops being, within a moment of its batch; a deleted item's batch needs no embedding.
 */
@Service
public class CatalogueChanges implements CatalogueUpdates, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CatalogueChanges.class);

    private final ItemEmbeddings embeddings;
    private final TextEmbedder embedder;
    private final CatalogueChangePublisher publisher;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("catalogue-embedding").daemon(true).factory());

    public CatalogueChanges(ItemEmbeddings embeddings, TextEmbedder embedder, CatalogueChangePublisher publisher) {
        this.embeddings = embeddings;
        this.embedder = embedder;
        this.publisher = publisher;
    }

    @Override
    public void changed(UUID organisationId, Collection<UUID> itemIds) {
        apply(organisationId, itemIds);
    }

    /**
     * Like {@link #changed}, with a future completed once every batch is embedded and announced (the indexes update
     * a moment later), holding how many items were embedded.
     */
    public CompletableFuture<Integer> apply(UUID organisationId, Collection<UUID> itemIds) {
        List<UUID> ids = itemIds.stream().distinct().toList();
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(0);
        }
        try {
            return CompletableFuture.supplyAsync(() -> embedAndAnnounce(organisationId, ids), worker);
        } catch (RejectedExecutionException stopping) {
            log.warn("Shutting down: {} changed catalogue items of organisation {} are embedded and indexed at the next start",
                    ids.size(), organisationId);
            return CompletableFuture.completedFuture(0);
        }
    }

    /** Items an index was built with had no up-to-date embedding: they are embedded (and announced) like changes. */
    @EventListener
    public void on(ItemsIndexedWithoutEmbedding event) {
        changed(event.organisationId(), event.itemIds());
    }

    /** Loads the embedding model in the background, so the first search doesn't wait for it. */
    public void warmUpLater() {
        try {
            worker.execute(() -> {
                try {
                    embedder.warmUp();
                } catch (RuntimeException e) {
                    log.error("Could not load the embedding model; catalogue search falls back to keywords", e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            log.debug("Not warming up the embedding model while shutting down");
        }
    }

    private int embedAndAnnounce(UUID organisationId, List<UUID> ids) {
        long start = System.nanoTime();
        int embedded = 0;
        for (int from = 0; from < ids.size(); from += ItemEmbeddings.BATCH) {
            if (Thread.currentThread().isInterrupted()) {
                log.warn("Shutting down: {} changed catalogue items of organisation {} are embedded and indexed at the next start",
                        ids.size() - from, organisationId);
                break;
            }
            List<UUID> batch = ids.subList(from, Math.min(ids.size(), from + ItemEmbeddings.BATCH));
            try {
                embedded += embeddings.embedStale(organisationId, batch);
            } catch (RuntimeException e) {
                // Announced anyway: the items' text is searchable by keyword; their embedding is retried at the next start.
                log.error("Could not embed {} catalogue items of organisation {}", batch.size(), organisationId, e);
            }
            publisher.publish(organisationId, batch);
        }
        log.info("Catalogue of organisation {}: {} items changed, {} embedded, in {} ms", organisationId, ids.size(), embedded,
                (System.nanoTime() - start) / 1_000_000);
        return embedded;
    }

    /** Stops after the batch under way (at most a second or so). */
    @Override
    public void close() {
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Catalogue embedding still running at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
