package dev.stepwise.core.catalogue.sync;

import dev.stepwise.core.catalogue.index.CatalogueIndexes;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * At start-up: listens for catalogue changes first (so none made meanwhile is missed), then builds every
 * organisation's index from PostgreSQL, and has items without an up-to-date embedding embedded in the background,
 * smallest backlogs first (several instances starting together embed each item once: see {@code ItemEmbeddings}). At shutdown, stops
 * listening.
 */
@Component
public class CatalogueIndexStartup implements SmartLifecycle {

    private final CatalogueChangeSubscriber subscriber;
    private final CatalogueIndexes indexes;
    private final CatalogueChanges changes;
    private volatile boolean running;

    public CatalogueIndexStartup(CatalogueChangeSubscriber subscriber, CatalogueIndexes indexes, CatalogueChanges changes) {
        this.subscriber = subscriber;
        this.indexes = indexes;
        this.changes = changes;
    }

    @Override
    public void start() {
        subscriber.subscribe();
        Map<UUID, List<UUID>> needEmbedding = indexes.rebuildAll();
        // Smallest backlogs first: one organisation's big unembedded import doesn't keep the others waiting.
        needEmbedding.entrySet().stream().sorted(Comparator.comparingInt(e -> e.getValue().size()))
                .forEach(e -> changes.changed(e.getKey(), e.getValue()));
        changes.warmUpLater();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        subscriber.unsubscribe();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
