package dev.stepwise.core.catalogue.sync;

import dev.stepwise.core.catalogue.CatalogueRows;
import dev.stepwise.core.catalogue.embedding.ItemEmbeddings;
import dev.stepwise.core.catalogue.embedding.TextEmbedder;
import dev.stepwise.core.catalogue.index.CatalogueIndexUpdater;
import dev.stepwise.core.catalogue.index.CatalogueIndexes;
import dev.stepwise.core.catalogue.index.ItemsIndexedWithoutEmbedding;
import dev.stepwise.core.catalogue.search.LuceneCatalogueSearch;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.RealServers;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Another running instance of the application, as far as the catalogue goes: its own indexes, its own Redis
 * connections (one subscribed), wired as the application wires them, on the shared PostgreSQL and Redis.
 */
final class Instance implements AutoCloseable {

    final CatalogueIndexes indexes;
    final LuceneCatalogueSearch search;
    final CatalogueChanges changes;
    final CatalogueChangeSubscriber subscriber;
    private final CatalogueIndexUpdater updater;
    private final CatalogueIndexStartup startup;
    private final RedisClient redis = RealServers.get().redisClient();
    private final StatefulRedisConnection<String, String> connection = redis.connect();

    private Instance() {
        TextEmbedder embedder = CoreTestContext.bean(TextEmbedder.class);
        AtomicReference<CatalogueChanges> embedding = new AtomicReference<>();
        indexes = new CatalogueIndexes(CoreTestContext.bean(CatalogueRows.class), embedder,
                CoreTestContext.bean(ItemEmbeddings.class), event -> {
            if (event instanceof ItemsIndexedWithoutEmbedding unembedded) {
                embedding.get().on(unembedded);
            }
        });
        updater = new CatalogueIndexUpdater(indexes);
        subscriber = new CatalogueChangeSubscriber(redis, updater);
        changes = new CatalogueChanges(CoreTestContext.bean(ItemEmbeddings.class), embedder,
                new CatalogueChangePublisher(connection, updater));
        embedding.set(changes);
        startup = new CatalogueIndexStartup(subscriber, indexes, changes);
        search = new LuceneCatalogueSearch(indexes, embedder);
    }

    /** Starts as the application does: subscribed, every index built. */
    static Instance start() {
        Instance instance = new Instance();
        instance.startup.start();
        return instance;
    }

    @Override
    public void close() {
        startup.stop();
        changes.close();
        updater.close();
        indexes.close();
        connection.close();
        redis.shutdown();
    }
}
