package dev.stepwise.core.catalogue.search;

import static dev.stepwise.core.catalogue.TestCatalogue.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.catalogue.TestCatalogue;
import dev.stepwise.core.catalogue.index.CatalogueIndexes;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.TestOrganisation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class CatalogueSearchIsolationTest {

    private final CatalogueSearch search = CoreTestContext.bean(CatalogueSearch.class);
    private final CatalogueIndexes indexes = CoreTestContext.bean(CatalogueIndexes.class);

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void anOrganisationNeverFindsAnotherOrganisationsItems(SearchMode mode) {
        TestOrganisation a = TestOrganisation.create();
        TestOrganisation b = TestOrganisation.create();
        Map<String, UUID> bIds = TestCatalogue.add(b.id(), List.of(
                item("negotiation", "Negotiation for engineers", "Win-win negotiation at work.", "course", 1, 5, 60, "communication")));
        TestCatalogue.announce(b.id(), bIds.values());
        TestCatalogue.awaitIndexed(indexes, b.id(), 2);

        UUID aItem = TestCatalogue.idOf(a.id(), "feedback-basics");
        for (String text : List.of("negotiation for engineers", "feedback", "")) {
            List<SearchHit> inA = search.search(a.id(), new SearchQuery(text, 100, null, mode));
            assertThat(inA).extracting(hit -> hit.item().id()).doesNotContainAnyElementsOf(bIds.values()).isSubsetOf(aItem);
        }
        assertThat(search.search(a.id(), new SearchQuery("", 100, null, mode))).extracting(hit -> hit.item().id())
                .containsExactly(aItem);
        assertThat(search.search(b.id(), new SearchQuery("negotiation for engineers", 1, null, mode)))
                .extracting(hit -> hit.item().id()).containsExactly(bIds.get("negotiation"));
    }

    @Test
    void announcingAnotherOrganisationsItemsUnderYoursAddsNothing() {
        TestOrganisation a = TestOrganisation.create();
        TestOrganisation b = TestOrganisation.create();
        UUID bItem = TestCatalogue.idOf(b.id(), "feedback-basics");
        UUID aItem = TestCatalogue.add(a.id(), List.of(item("listening", "Active listening", "Hear people out.", "article", 1, 3,
                5, "communication"))).get("listening");

        TestCatalogue.announce(a.id(), List.of(bItem, aItem));
        TestCatalogue.awaitIndexed(indexes, a.id(), 2);

        assertThat(search.search(a.id(), new SearchQuery("", 100, new SearchFilters(null, null, Set.of("article"), null), null)))
                .extracting(hit -> hit.item().id())
                .containsExactlyInAnyOrder(TestCatalogue.idOf(a.id(), "feedback-basics"), aItem);
    }

    @Test
    void anOrganisationWithoutACatalogueFindsNothing() {
        assertThat(search.search(UUID.randomUUID(), SearchQuery.of("feedback", 5))).isEmpty();
    }
}
