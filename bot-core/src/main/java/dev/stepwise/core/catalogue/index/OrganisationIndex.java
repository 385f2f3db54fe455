package dev.stepwise.core.catalogue.index;

import dev.stepwise.core.catalogue.CatalogueRow;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.UUID;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * One organisation's search index, in memory (rebuilt from PostgreSQL at start-up, so nothing is written to disk):
 * one document per catalogue item. Updates and searches may run at the same time: a search works on the searcher it
 * acquired, and sees updates once {@link #refresh()} has run (near-real-time, no commit).
 */
public final class OrganisationIndex implements Closeable {

    /** HNSW graph: neighbours per node and candidates kept while building (Lucene's defaults). */
    static final int HNSW_MAX_CONNECTIONS = 16;
    static final int HNSW_BEAM_WIDTH = 100;
    private static final double RAM_BUFFER_MB = 64;

    /** Work done with one point-in-time searcher. */
    @FunctionalInterface
    public interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    public OrganisationIndex(Analyzer analyzer) {
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                .setCodec(new Lucene104Codec() {
                    private final KnnVectorsFormat vectors = new Lucene99HnswVectorsFormat(HNSW_MAX_CONNECTIONS, HNSW_BEAM_WIDTH);

                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return vectors;
                    }
                });
        try {
            writer = new IndexWriter(directory, config);
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open an in-memory index", e);
        }
    }

    /** Adds the item, or replaces its document; {@code vector} may be null (then BM25 finds it, kNN doesn't). */
    public void put(CatalogueRow row, float[] vector) {
        try {
            writer.updateDocument(ItemDocuments.idTerm(row.item().id()), ItemDocuments.document(row, vector));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not index catalogue item " + row.item().id(), e);
        }
    }

    public void delete(Collection<UUID> itemIds) {
        try {
            writer.deleteDocuments(itemIds.stream().map(ItemDocuments::idTerm).toArray(Term[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove catalogue items from the index", e);
        }
    }

    /** Makes the changes so far visible to searches that start from now on. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not refresh the catalogue searcher", e);
        }
    }

    /** Runs {@code work} on a current searcher, released afterwards. */
    public <T> T search(SearcherWork<T> work) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return work.apply(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Bytes of heap the index's files (in memory) and the writer's buffers take. */
    public long ramBytesUsed() {
        try {
            long files = 0;
            for (String file : directory.listAll()) {
                files += directory.fileLength(file);
            }
            return files + writer.ramBytesUsed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Searches already under way finish on what they acquired; new ones fail (take the organisation's new index). */
    @Override
    public void close() {
        try {
            searchers.close();
            writer.rollback(); // nothing to keep: the index is rebuilt from PostgreSQL
        } catch (IOException e) {
            throw new UncheckedIOException("Could not close a catalogue index", e);
        }
    }
}
