package dev.stepwise.core.catalogue.search;

import static dev.stepwise.core.catalogue.TestCatalogue.item;
import static dev.stepwise.core.catalogue.TestCatalogue.keys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.catalogue.CatalogueItem;
import dev.stepwise.core.catalogue.TestCatalogue;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.TestOrganisation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CatalogueSearchFiltersTest {

    private static TestOrganisation org;
    private final CatalogueSearch search = CoreTestContext.bean(CatalogueSearch.class);

    @BeforeAll
    static void catalogue() {
        org = TestOrganisation.create();
        TestCatalogue.realisticIn(org);
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void skillsKeepItemsThatDevelopAnyOfThem(SearchMode mode) {
        // Without the filter, the feedback items would come first.
        List<SearchHit> hits = search(mode, "feedback, testing and delegating",
                new SearchFilters(Set.of("delegation", "testing"), null, null, null));

        assertThat(keys(hits)).isNotEmpty().allSatisfy(key -> assertThat(key).isIn("delegating", "stretch-lead", "unit-testing"));
        assertThat(hits).allSatisfy(hit -> assertThat(hit.item().skills()).containsAnyOf("delegation", "testing"));
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void aLevelKeepsItemsWhoseRangeHoldsIt(SearchMode mode) {
        List<SearchHit> hits = search(mode, "feedback and communication", new SearchFilters(null, 5, null, null));

        assertThat(keys(hits)).isNotEmpty().doesNotContain("difficult-feedback", "feedback-basics", "chemistry")
                .allSatisfy(key -> assertThat(key).isIn("thermodynamics", "stretch-lead", "speaking"));
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void typesKeepOnlyThoseTypes(SearchMode mode) {
        List<SearchHit> hits = search(mode, "giving feedback", new SearchFilters(null, null, Set.of("article", "video"), null));

        assertThat(hits).isNotEmpty().allSatisfy(hit -> assertThat(hit.item().type()).isIn("article", "video"));
        assertThat(keys(hits)).contains("feedback-basics").doesNotContain("difficult-feedback");
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void aMaximumDurationKeepsShorterItemsAndThoseWithoutADuration(SearchMode mode) {
        List<SearchHit> hits = search(mode, "lead a review, give feedback, coach", new SearchFilters(null, null, null, 20));

        assertThat(hits).isNotEmpty().allSatisfy(hit -> assertThat(hit.item().durationMinutes()).satisfiesAnyOf(
                minutes -> assertThat(minutes).isNull(), minutes -> assertThat(minutes).isLessThanOrEqualTo(20)));
        assertThat(keys(hits)).contains("stretch-lead").doesNotContain("difficult-feedback", "speaking");
    }

    @Test
    void filtersCombine() {
        List<SearchHit> hits = search(SearchMode.HYBRID, "feedback",
                new SearchFilters(Set.of("communication"), 2, Set.of("article", "course"), 30));

        assertThat(keys(hits)).containsExactly("feedback-basics");
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void noTextListsTheFilteredItemsShortestFirstThoseWithoutADurationLast(SearchMode mode) {
        List<SearchHit> hits = search(mode, "  ", new SearchFilters(Set.of("communication", "delegation"), null, null, null));

        // "Delegating…" and "Feedback basics" both take 10 minutes: then by title. "Giving difficult feedback" is
        // listed twice in the catalogue, and once here.
        assertThat(hits).extracting(hit -> hit.item().title().toLowerCase()).containsExactly("delegating without micromanaging",
                "feedback basics", "giving difficult feedback", "public speaking for engineers", "lead the next incident review");
    }

    @Test
    void onlyStopWordsInKeywordModeListTheFilteredItems() {
        assertThat(keys(search(SearchMode.BM25, "what should I do", new SearchFilters(null, null, Set.of("video"), null))))
                .containsExactly("coaching-video");
    }

    @Test
    void nothingMatchingTheFiltersIsNothingFound() {
        assertThat(search(SearchMode.HYBRID, "feedback", new SearchFilters(Set.of("no-such-skill"), null, null, null))).isEmpty();
        assertThat(search(SearchMode.HYBRID, "", new SearchFilters(null, null, Set.of("mentor"), null))).isEmpty();
    }

    @Test
    void kNearestNeighboursAreSearchedAmongTheFilteredItemsNotFilteredAfterwards() {
        // 40 feedback courses are nearer to the question than the one practice item; a kNN search that filtered its
        // top candidates afterwards would find no practice item at all.
        TestOrganisation crowded = TestOrganisation.create();
        List<CatalogueItem> items = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            items.add(item("feedback-" + i, "Feedback conversations, part " + i,
                    "Giving and receiving feedback at work, session " + i + ".", "course", 1, 5, 30, "communication"));
        }
        items.add(item("spreadsheets", "Spreadsheet formulas", "Sums, lookups and pivot tables.", "practice", 1, 5, 30));
        Map<String, UUID> ids = TestCatalogue.add(crowded.id(), items);
        TestCatalogue.announce(crowded.id(), ids.values());
        TestCatalogue.awaitIndexed(CoreTestContext.bean(dev.stepwise.core.catalogue.index.CatalogueIndexes.class), crowded.id(), 42);

        List<SearchHit> hits = search.search(crowded.id(), new SearchQuery("giving feedback", 1,
                new SearchFilters(null, null, Set.of("practice"), null), SearchMode.VECTOR));

        assertThat(keys(hits)).containsExactly("spreadsheets");
    }

    private List<SearchHit> search(SearchMode mode, String text, SearchFilters filters) {
        return search.search(org.id(), new SearchQuery(text, 10, filters, mode));
    }
}
