package dev.stepwise.core.catalogue.index;

import dev.stepwise.core.catalogue.CatalogueRow;
import dev.stepwise.core.catalogue.CatalogueRows;
import dev.stepwise.core.catalogue.embedding.ItemEmbeddings;
import dev.stepwise.core.catalogue.embedding.TextEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * This instance's search indexes, one per organisation (an organisation's searches only ever see its own index),
 * loaded from PostgreSQL: whole at start-up or at an organisation's first search or first change (an organisation
 * loaded after start-up), then item by item when told of changes. An item without an up-to-date embedding is indexed
 * for BM25 only until its embedding is stored and the item reloaded. A build after start-up that meets a few such items
 * (at most {@link ItemEmbeddings#BATCH}: a small catalogue loaded without announcing it) embeds them before anyone
 * searches it; more are announced with {@link ItemsIndexedWithoutEmbedding} and embedded in the background. At
 * start-up the caller gets them.
 */
@Component
public class CatalogueIndexes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CatalogueIndexes.class);
    private static final int PAGE = 1000;

    private final CatalogueRows rows;
    private final String model;
    private final Analyzer analyzer = CatalogueAnalyzer.create();
    private final Map<UUID, OrganisationIndex> indexes = new ConcurrentHashMap<>();
    private final Map<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final ItemEmbeddings embeddings;
    private final ApplicationEventPublisher events;

    public CatalogueIndexes(CatalogueRows rows, TextEmbedder embedder, ItemEmbeddings embeddings,
                            ApplicationEventPublisher events) {
        this.rows = rows;
        this.model = embedder.modelName();
        this.embeddings = embeddings;
        this.events = events;
    }

    /** The analyzer the indexes were built with, for analysing queries alike. */
    public Analyzer analyzer() {
        return analyzer;
    }

    /**
     * Runs {@code work} on the organisation's current searcher, building the organisation's index first if this
     * instance has none yet (an organisation without a catalogue gets an empty one). A search that meets an index just
     * replaced by a rebuild retries on the new one.
     */
    public <T> T search(UUID organisationId, OrganisationIndex.SearcherWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            OrganisationIndex index = indexes.get(organisationId);
            if (index == null) {
                index = buildIfAbsent(organisationId);
            }
            try {
                return index.search(work);
            } catch (AlreadyClosedException replaced) {
                if (attempt == 3) {
                    throw replaced;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Searching the catalogue index failed", e);
            }
        }
    }

    /** Items in the organisation's index (0 without one; this builds none). */
    public int size(UUID organisationId) {
        return indexes.containsKey(organisationId) ? search(organisationId, searcher -> searcher.getIndexReader().numDocs()) : 0;
    }

    /** Heap taken by the organisation's index, in bytes (0 without one). */
    public long ramBytesUsed(UUID organisationId) {
        OrganisationIndex index = indexes.get(organisationId);
        return index == null ? 0 : index.ramBytesUsed();
    }

    /**
     * Builds the organisation's index afresh from PostgreSQL and puts it in place of the old one. Items without an
     * up-to-date embedding are embedded at once if they are few, else announced with {@link ItemsIndexedWithoutEmbedding}.
     *
     * @return the items left without an embedding
     */
    public List<UUID> rebuild(UUID organisationId) {
        ReentrantLock lock = lockOf(organisationId);
        lock.lock();
        try {
            List<UUID> withoutVector = replace(organisationId);
            if (!withoutVector.isEmpty() && withoutVector.size() <= ItemEmbeddings.BATCH) {
                withoutVector = embedNow(organisationId, withoutVector);
            }
            if (!withoutVector.isEmpty()) {
                events.publishEvent(new ItemsIndexedWithoutEmbedding(organisationId, withoutVector));
            }
            return withoutVector;
        } finally {
            lock.unlock();
        }
    }

    /** Embeds the items and reads them again into the index (held under the organisation's lock); those still without. */
    private List<UUID> embedNow(UUID organisationId, List<UUID> itemIds) {
        try {
            embeddings.embedStale(organisationId, itemIds);
            return reload(organisationId, itemIds);
        } catch (RuntimeException e) {
            log.warn("Could not embed {} catalogue items of organisation {} at once; embedding them in the background",
                    itemIds.size(), organisationId, e);
            return itemIds;
        }
    }

    private OrganisationIndex buildIfAbsent(UUID organisationId) {
        ReentrantLock lock = lockOf(organisationId);
        lock.lock();
        try {
            OrganisationIndex index = indexes.get(organisationId);
            if (index == null) {
                rebuild(organisationId);
                index = indexes.get(organisationId);
            }
            return index;
        } finally {
            lock.unlock();
        }
    }

    private List<UUID> replace(UUID organisationId) {
        ReentrantLock lock = lockOf(organisationId);
        lock.lock();
        try {
            long start = System.nanoTime();
            Build build = build(organisationId);
            OrganisationIndex old = indexes.put(organisationId, build.index());
            if (old != null) {
                old.close();
            }
            log.info("Indexed {} catalogue items of organisation {} in {} ms, {} ms of it reading them ({} without an up-to-date "
                    + "embedding)", build.items(), organisationId, (System.nanoTime() - start) / 1_000_000,
                    build.readingNanos() / 1_000_000, build.withoutVector().size());
            return build.withoutVector();
        } finally {
            lock.unlock();
        }
    }

    private record Build(OrganisationIndex index, int items, List<UUID> withoutVector, long readingNanos) {
    }

    /** A new index of the organisation's items, read from PostgreSQL a page at a time. */
    private Build build(UUID organisationId) {
        OrganisationIndex index = new OrganisationIndex(analyzer);
        List<UUID> withoutVector = new ArrayList<>();
        int items = 0;
        long reading = 0;
        try {
            UUID after = CatalogueRows.FIRST;
            while (true) {
                long read = System.nanoTime();
                List<CatalogueRow> page = rows.page(organisationId, after, PAGE);
                reading += System.nanoTime() - read;
                if (page.isEmpty()) {
                    break;
                }
                for (CatalogueRow row : page) {
                    float[] vector = row.upToDateVector(model);
                    index.put(row, vector);
                    if (vector == null) {
                        withoutVector.add(row.item().id());
                    }
                }
                items += page.size();
                after = page.getLast().item().id();
            }
            index.refresh();
            return new Build(index, items, withoutVector, reading);
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
    }

    /**
     * Rebuilds the index of every organisation that has a catalogue or an index. An organisation that fails is
     * logged and left as it was; the others are built. Announces nothing: the caller decides what to embed first.
     *
     * @return per organisation, the items that need embedding
     */
    public Map<UUID, List<UUID>> rebuildAll() {
        Set<UUID> organisations = new TreeSet<>(rows.organisationsWithItems());
        organisations.addAll(indexes.keySet());
        Map<UUID, List<UUID>> needEmbedding = new LinkedHashMap<>();
        for (UUID organisationId : organisations) {
            try {
                List<UUID> stale = replace(organisationId);
                if (!stale.isEmpty()) {
                    needEmbedding.put(organisationId, stale);
                }
            } catch (RuntimeException e) {
                log.error("Could not index the catalogue of organisation {}; its searches use the previous index, if any",
                        organisationId, e);
            }
        }
        return needEmbedding;
    }

    /**
     * Reads the items again from PostgreSQL into the organisation's index: changed ones replaced, deleted ones (and
     * ids that aren't the organisation's) removed. An organisation this instance has no index for yet is built whole.
     *
     * @return those of the items indexed without an up-to-date embedding
     */
    public List<UUID> reload(UUID organisationId, Collection<UUID> itemIds) {
        ReentrantLock lock = lockOf(organisationId);
        lock.lock();
        try {
            OrganisationIndex index = indexes.get(organisationId);
            if (index == null) {
                return rebuild(organisationId);
            }
            Set<UUID> absent = new HashSet<>(itemIds);
            List<UUID> withoutVector = new ArrayList<>();
            for (CatalogueRow row : rows.byIds(organisationId, itemIds)) {
                float[] vector = row.upToDateVector(model);
                index.put(row, vector);
                absent.remove(row.item().id());
                if (vector == null) {
                    withoutVector.add(row.item().id());
                }
            }
            index.delete(absent);
            index.refresh();
            log.debug("Reloaded {} catalogue items of organisation {} ({} removed)", itemIds.size(), organisationId, absent.size());
            return withoutVector;
        } finally {
            lock.unlock();
        }
    }

    private ReentrantLock lockOf(UUID organisationId) {
        return locks.computeIfAbsent(organisationId, id -> new ReentrantLock());
    }

    @Override
    public void close() {
        indexes.values().forEach(OrganisationIndex::close);
        indexes.clear();
    }
}
