package dev.stepwise.core.evaluation;

import dev.stepwise.core.catalogue.CatalogueItem;
import dev.stepwise.core.catalogue.search.SearchHit;
import dev.stepwise.core.catalogue.search.SearchMode;
import dev.stepwise.core.catalogue.search.SearchQuery;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * One labelled query, searchable in any ranking exactly as its product path searches.
 *
 * @param set                 which part of the labelled set it belongs to
 * @param text                what is shown for it in the report
 * @param labels              the OCW topics (or joined topics) that make a course relevant to it
 * @param k                   how many items its product path asks for (situations 5, gaps 20, catalogue search 10)
 * @param query               the search, given a ranking and a k
 * @param relevant            whether an item of the catalogue counts as relevant to it
 * @param relevantInCatalogue how many items of the catalogue do
 */
record Probe(String set, String text, Set<String> labels, int k, BiFunction<SearchMode, Integer, SearchQuery> query,
             Predicate<CatalogueItem> relevant, long relevantInCatalogue) {

    SearchQuery production(SearchMode mode) {
        return query.apply(mode, k);
    }

    /** At least 10 items, so recall@10 can be read from it (the product's own k when that is larger). */
    SearchQuery forRecall(SearchMode mode) {
        return query.apply(mode, Math.max(k, 10));
    }

    /**
     * nDCG@5 with binary relevance: the discounted gain of the relevant items among the first five, over that of the
     * best possible first five (min(5, relevant in the catalogue) relevant items).
     */
    double ndcgAt5(List<SearchHit> hits) {
        double dcg = 0;
        double ideal = 0;
        for (int i = 0; i < 5; i++) {
            double discount = 1 / (Math.log(i + 2) / Math.log(2));
            if (i < relevantInCatalogue) {
                ideal += discount;
            }
            if (i < hits.size() && relevant.test(hits.get(i).item())) {
                dcg += discount;
            }
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    /** Relevant items among the first ten, over min(10, relevant in the catalogue): 1.0 when the ten are as good as they can be. */
    double recallAt10(List<SearchHit> hits) {
        long found = hits.stream().limit(10).filter(hit -> relevant.test(hit.item())).count();
        long possible = Math.min(10, relevantInCatalogue);
        return possible == 0 ? 0 : (double) found / possible;
    }
}
