package dev.stepwise.core.catalogue.search;

import dev.stepwise.core.catalogue.index.ItemDocuments;
import java.util.Set;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/** {@link SearchFilters} as one Lucene filter query, applied alike to BM25, kNN and browsing. */
final class FilterQueries {

    private FilterQueries() {
    }

    /** The filter, or null when nothing is filtered. */
    static Query of(SearchFilters filters) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean any = false;
        if (!filters.skills().isEmpty()) {
            query.add(anyOf(ItemDocuments.SKILL, filters.skills()), BooleanClause.Occur.FILTER);
            any = true;
        }
        if (!filters.types().isEmpty()) {
            query.add(anyOf(ItemDocuments.TYPE, filters.types()), BooleanClause.Occur.FILTER);
            any = true;
        }
        if (filters.level() != null) {
            int level = filters.level();
            query.add(IntPoint.newRangeQuery(ItemDocuments.LEVEL_MIN, Integer.MIN_VALUE, level), BooleanClause.Occur.FILTER);
            query.add(IntPoint.newRangeQuery(ItemDocuments.LEVEL_MAX, level, Integer.MAX_VALUE), BooleanClause.Occur.FILTER);
            any = true;
        }
        if (filters.maxDurationMinutes() != null) {
            // Items without a duration are indexed at NO_DURATION (0), inside every range that starts at 0.
            query.add(IntPoint.newRangeQuery(ItemDocuments.DURATION, ItemDocuments.NO_DURATION,
                    Math.max(ItemDocuments.NO_DURATION, filters.maxDurationMinutes())), BooleanClause.Occur.FILTER);
            any = true;
        }
        return any ? query.build() : null;
    }

    private static Query anyOf(String field, Set<String> values) {
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }
}
