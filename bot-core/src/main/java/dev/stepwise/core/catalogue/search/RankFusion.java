package dev.stepwise.core.catalogue.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * Fuses a BM25 list and a kNN list (Lucene documents of one searcher) into one ranking, each list weighted.
 *
 * <p>{@link #normalisedScores} scales each list's scores to 0-1 (min-max) and adds them, weighted; {@link
 * #reciprocalRank} (RRF, k = 60) adds 1 / (60 + rank) from each list, weighted, and ignores the scores. On the real
 * 2,590-course catalogue with questions asked in chat words (see {@code docs/benchmarks/catalogue-search.md}), BM25
 * alone ranks far below MiniLM and equal-weight fusion of either kind drags the ranking down towards it; weighting the
 * embeddings 0.7 and BM25 0.3 keeps what BM25 adds for searches in a subject's own words (names, jargon) while
 * losing little on questions: {@link #DEFAULT}.
 */
public final class RankFusion {

    /** What hybrid search uses. */
    public static final RankFusion DEFAULT = normalisedScores(0.3);

    /** RRF's constant: damps the weight of the very top ranks (the value from Cormack et al. 2009). */
    static final int RRF_K = 60;

    private interface Contribution {
        double of(int rank, ScoreDoc doc);
    }

    private interface Scaling {
        Contribution of(ScoreDoc[] list);
    }

    private final String name;
    private final double lexicalWeight;
    private final Scaling scaling;

    private RankFusion(String name, double lexicalWeight, Scaling scaling) {
        if (lexicalWeight < 0 || lexicalWeight > 1) {
            throw new IllegalArgumentException("The BM25 list's weight is between 0 and 1");
        }
        this.name = name;
        this.lexicalWeight = lexicalWeight;
        this.scaling = scaling;
    }

    /** Min-max normalised scores, BM25's weighted {@code lexicalWeight} and the embeddings' the rest. */
    public static RankFusion normalisedScores(double lexicalWeight) {
        return new RankFusion("normalised scores", lexicalWeight, RankFusion::minMax);
    }

    /** Reciprocal rank fusion, BM25's ranks weighted {@code lexicalWeight} and the embeddings' the rest. */
    public static RankFusion reciprocalRank(double lexicalWeight) {
        return new RankFusion("reciprocal rank", lexicalWeight, list -> (rank, doc) -> 1.0 / (RRF_K + rank));
    }

    List<ScoreDoc> fuse(ScoreDoc[] lexical, ScoreDoc[] semantic) {
        Map<Integer, Double> scores = new HashMap<>();
        add(scores, lexical, scaling.of(lexical), lexicalWeight);
        add(scores, semantic, scaling.of(semantic), 1 - lexicalWeight);
        List<ScoreDoc> ranked = new ArrayList<>(scores.size());
        scores.forEach((doc, score) -> ranked.add(new ScoreDoc(doc, score.floatValue())));
        ranked.sort(Comparator.comparingDouble((ScoreDoc d) -> d.score).reversed().thenComparingInt(d -> d.doc));
        return ranked;
    }

    private static void add(Map<Integer, Double> scores, ScoreDoc[] list, Contribution contribution, double weight) {
        for (int i = 0; i < list.length; i++) {
            scores.merge(list[i].doc, weight * contribution.of(i + 1, list[i]), Double::sum);
        }
    }

    private static Contribution minMax(ScoreDoc[] list) {
        if (list.length == 0) {
            return (rank, doc) -> 0;
        }
        float max = list[0].score;
        float min = list[list.length - 1].score;
        return (rank, doc) -> max == min ? 1.0 : (doc.score - min) / (double) (max - min);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s, BM25 %.2f / embeddings %.2f", name, lexicalWeight, 1 - lexicalWeight);
    }
}
