package dev.stepwise.app.admin;

import dev.stepwise.core.catalogue.CatalogueItem;
import dev.stepwise.core.catalogue.CatalogueStore;
import dev.stepwise.core.catalogue.search.CatalogueSearch;
import dev.stepwise.core.catalogue.search.SearchHit;
import dev.stepwise.core.testing.RecordingCatalogueUpdates;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Stand-ins for the retrieval side while the admin API is tested: a recorder of {@code CatalogueUpdates} notices and
 * a plain keyword search over the stored items that honours every filter (and fails on the query "boom", to show how
 * an unexpected failure is answered).
 */
@TestConfiguration(proxyBeanMethods = false)
class TestCatalogueBeans {

    /** Primary, so that nothing needing one {@code CatalogueUpdates} finds two; the import tells every one. */
    @Bean
    @Primary
    RecordingCatalogueUpdates recordingCatalogueUpdates(DataSource dataSource) {
        return new RecordingCatalogueUpdates(dataSource);
    }

    @Bean
    @Primary
    CatalogueSearch keywordCatalogueSearch(CatalogueStore store) {
        return (organisationId, query) -> {
            if (query.text().equals("boom")) {
                throw new IllegalStateException("the index is on fire");
            }
            List<String> words = Arrays.stream(query.text().toLowerCase(Locale.ROOT).split("\\W+")).filter(w -> !w.isBlank()).toList();
            var filters = query.filters();
            return store.byKey(organisationId).values().stream()
                    .filter(i -> filters.skills().isEmpty() || i.skills().stream().anyMatch(filters.skills()::contains))
                    .filter(i -> filters.level() == null || (i.levelMin() <= filters.level() && filters.level() <= i.levelMax()))
                    .filter(i -> filters.types().isEmpty() || filters.types().contains(i.type()))
                    .filter(i -> filters.maxDurationMinutes() == null || i.durationMinutes() == null
                            || i.durationMinutes() <= filters.maxDurationMinutes())
                    .map(i -> new SearchHit(i, score(i, words)))
                    .filter(h -> words.isEmpty() || h.score() > 0)
                    .sorted(Comparator.comparingDouble(SearchHit::score).reversed().thenComparing(h -> h.item().title()))
                    .limit(query.k())
                    .toList();
        };
    }

    private static double score(CatalogueItem item, List<String> words) {
        String title = item.title().toLowerCase(Locale.ROOT);
        String description = item.description().toLowerCase(Locale.ROOT);
        return words.stream().mapToDouble(w -> (title.contains(w) ? 2 : 0) + (description.contains(w) ? 1 : 0)).sum();
    }
}
