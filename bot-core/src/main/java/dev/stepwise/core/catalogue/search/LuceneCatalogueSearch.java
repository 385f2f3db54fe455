package dev.stepwise.core.catalogue.search;

import dev.stepwise.core.catalogue.CatalogueItem;
import dev.stepwise.core.catalogue.embedding.TextEmbedder;
import dev.stepwise.core.catalogue.index.CatalogueAnalyzer;
import dev.stepwise.core.catalogue.index.CatalogueIndexes;
import dev.stepwise.core.catalogue.index.ItemDocuments;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Catalogue search over this instance's in-memory index of the organisation: BM25 on title, skills and description
 * (English analysis, chat stop words), kNN on MiniLM embeddings (HNSW, the query embedded per search), or both fused
 * ({@link RankFusion#DEFAULT}). Filters restrict every list inside Lucene (kNN searches only the filtered items). A blank text,
 * or in BM25 mode a text of only stop words, lists the filtered items shortest first. Results hold each item once,
 * and one item of a title: real catalogues list the same course more than once.
 */
@Component
public class LuceneCatalogueSearch implements CatalogueSearch {

    /** Field boosts for BM25: a word in the title or a skill's name says more than one in the description. */
    private static final Map<String, Float> FIELDS = Map.of(ItemDocuments.TITLE, 2.0f, ItemDocuments.SKILL_NAMES, 1.5f,
            ItemDocuments.DESCRIPTION, 1.0f);
    private static final int MAX_TERMS = 32;
    private static final Sort SHORTEST_FIRST = new Sort(new SortField(ItemDocuments.DURATION_ORDER, SortField.Type.INT),
            new SortField(ItemDocuments.TITLE_ORDER, SortField.Type.STRING));

    private final CatalogueIndexes indexes;
    private final TextEmbedder embedder;
    private final RankFusion fusion;

    @Autowired
    public LuceneCatalogueSearch(CatalogueIndexes indexes, TextEmbedder embedder) {
        this(indexes, embedder, RankFusion.DEFAULT);
    }

    /** With another fusion, to compare them. */
    public LuceneCatalogueSearch(CatalogueIndexes indexes, TextEmbedder embedder, RankFusion fusion) {
        this.indexes = indexes;
        this.embedder = embedder;
        this.fusion = fusion;
    }

    @Override
    public List<SearchHit> search(UUID organisationId, SearchQuery query) {
        String text = query.text().strip();
        Query filter = FilterQueries.of(query.filters());
        List<String> terms = text.isEmpty() ? List.of()
                : CatalogueAnalyzer.terms(indexes.analyzer(), ItemDocuments.DESCRIPTION, text, MAX_TERMS);
        boolean browse = text.isEmpty() || (query.mode() == SearchMode.BM25 && terms.isEmpty());
        // Embedded before a searcher is held: the slow part shouldn't pin an index a rebuild may be replacing.
        float[] vector = !browse && query.mode() != SearchMode.BM25 ? embedder.embed(text) : null;
        int candidates = candidates(query.k());
        return indexes.search(organisationId, searcher -> {
            if (browse) {
                Query all = filter == null ? new MatchAllDocsQuery() : new ConstantScoreQuery(filter);
                ScoreDoc[] listed = searcher.search(all, candidates, SHORTEST_FIRST).scoreDocs;
                return hits(searcher, List.of(listed), query.k(), false);
            }
            ScoreDoc[] lexical = query.mode() == SearchMode.VECTOR || terms.isEmpty() ? new ScoreDoc[0]
                    : searcher.search(bm25(terms, filter), candidates).scoreDocs;
            ScoreDoc[] semantic = vector == null ? new ScoreDoc[0]
                    : searcher.search(new KnnFloatVectorQuery(ItemDocuments.VECTOR, vector, candidates, filter), candidates).scoreDocs;
            List<ScoreDoc> ranked = switch (query.mode()) {
                case BM25 -> List.of(lexical);
                case VECTOR -> List.of(semantic);
                case HYBRID -> fusion.fuse(lexical, semantic);
            };
            return hits(searcher, ranked, query.k(), true);
        });
    }

    /** Enough per list that fusion has something to fuse and repeated titles don't leave the answer short. */
    static int candidates(int k) {
        return Math.max(30, 3 * k);
    }

    private static Query bm25(List<String> terms, Query filter) {
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        for (String term : terms) {
            FIELDS.forEach((field, boost) ->
                    words.add(new BoostQuery(new TermQuery(new Term(field, term)), boost), BooleanClause.Occur.SHOULD));
        }
        if (filter == null) {
            return words.build();
        }
        return new BooleanQuery.Builder().add(words.build(), BooleanClause.Occur.MUST).add(filter, BooleanClause.Occur.FILTER).build();
    }

    private static List<SearchHit> hits(IndexSearcher searcher, List<ScoreDoc> ranked, int k, boolean scored) throws IOException {
        StoredFields stored = searcher.storedFields();
        Set<UUID> ids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        List<SearchHit> hits = new ArrayList<>(k);
        for (ScoreDoc doc : ranked) {
            CatalogueItem item = ItemDocuments.item(stored.document(doc.doc));
            if (ids.add(item.id()) && titles.add(ItemDocuments.normalisedTitle(item.title()))) {
                hits.add(new SearchHit(item, scored ? doc.score : 0));
                if (hits.size() == k) {
                    break;
                }
            }
        }
        return hits;
    }
}
