package dev.stepwise.core.catalogue.search;

/** What someone looks for in their organisation's catalogue: free text, how many results, filters, ranking. */
public record SearchQuery(String text, int k, SearchFilters filters, SearchMode mode) {
    public SearchQuery {
        text = text == null ? "" : text;
        filters = filters == null ? SearchFilters.NONE : filters;
        mode = mode == null ? SearchMode.HYBRID : mode;
        if (k < 1 || k > 100) {
            throw new IllegalArgumentException("k must be between 1 and 100");
        }
    }

    public static SearchQuery of(String text, int k) {
        return new SearchQuery(text, k, SearchFilters.NONE, SearchMode.HYBRID);
    }
}
