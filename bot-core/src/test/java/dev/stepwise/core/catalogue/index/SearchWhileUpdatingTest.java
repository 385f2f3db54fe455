package dev.stepwise.core.catalogue.index;

import static dev.stepwise.core.catalogue.TestCatalogue.keys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.catalogue.TestCatalogue;
import dev.stepwise.core.catalogue.search.CatalogueSearch;
import dev.stepwise.core.catalogue.search.SearchQuery;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.TestOrganisation;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SearchWhileUpdatingTest {

    @Test
    void searchesRunningWhileItemsAreReloadedAndTheIndexRebuiltAlwaysSeeAWholeIndex() throws Exception {
        TestOrganisation org = TestOrganisation.create();
        Map<String, UUID> ids = TestCatalogue.realisticIn(org);
        CatalogueIndexes indexes = CoreTestContext.bean(CatalogueIndexes.class);
        CatalogueSearch search = CoreTestContext.bean(CatalogueSearch.class);
        AtomicBoolean updating = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();

        CompletableFuture<Void> searching = CompletableFuture.runAsync(() -> {
            while (updating.get()) {
                List<String> found = keys(search.search(org.id(), SearchQuery.of("giving difficult feedback", 3)));
                assertThat(found.getFirst()).isIn("difficult-feedback", "difficult-feedback-2024");
                searches.incrementAndGet();
            }
        });
        for (int i = 0; i < 20; i++) {
            indexes.reload(org.id(), ids.values());
            indexes.rebuild(org.id());
        }
        updating.set(false);

        searching.get();
        assertThat(searches.get()).isPositive();
        assertThat(indexes.size(org.id())).isEqualTo(ids.size());
    }
}
