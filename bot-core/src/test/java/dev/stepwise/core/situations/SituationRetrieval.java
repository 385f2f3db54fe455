package dev.stepwise.core.situations;

import dev.stepwise.core.catalogue.search.SearchFilters;
import dev.stepwise.core.catalogue.search.SearchMode;
import dev.stepwise.core.catalogue.search.SearchQuery;

/**
 * For the evaluation harness ({@code dev.stepwise.core.evaluation}): the catalogue search {@link SituationAnswers} makes
 * for a situation (its words, no filters, {@link SituationAnswers#RETRIEVED} items), in any ranking, so that BM25 and
 * vectors alone are measured on the same path as the hybrid ranking the product uses.
 */
public final class SituationRetrieval {

    /** How many items the answer retrieves (and shows the LLM). */
    public static final int K = SituationAnswers.RETRIEVED;

    /** How many the answer without an LLM shows. */
    public static final int SHOWN_WITHOUT_LLM = SituationAnswers.SHOWN_WITHOUT_LLM;

    private SituationRetrieval() {
    }

    public static SearchQuery query(Situation situation, SearchMode mode, int k) {
        return new SearchQuery(situation.searchText(), k, SearchFilters.NONE, mode);
    }
}
