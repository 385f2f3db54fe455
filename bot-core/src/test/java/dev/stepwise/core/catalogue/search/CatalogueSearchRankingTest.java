package dev.stepwise.core.catalogue.search;

import static dev.stepwise.core.catalogue.TestCatalogue.keys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.catalogue.TestCatalogue;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.TestOrganisation;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CatalogueSearchRankingTest {

    private static TestOrganisation org;
    private static Map<String, UUID> ids;
    private final CatalogueSearch search = CoreTestContext.bean(CatalogueSearch.class);

    @BeforeAll
    static void catalogue() {
        org = TestOrganisation.create();
        ids = TestCatalogue.realisticIn(org);
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void aQuestionAboutDifficultFeedbackFindsTheFeedbackCourseFirstAndChemistryBelowIt(SearchMode mode) {
        List<String> found = keys(search.search(org.id(), new SearchQuery("giving difficult feedback", 10, null, mode)));

        assertThat(found.getFirst()).isIn("difficult-feedback", "difficult-feedback-2024");
        if (found.contains("chemistry")) {
            assertThat(found.indexOf("chemistry")).isGreaterThan(found.indexOf("feedback-basics"));
        }
    }

    @Test
    void meaningFindsWhatKeywordsMiss() {
        // No catalogue text says "tough" or "performance": only the embedding relates them to difficult feedback.
        String question = "I have a tough conversation about performance with someone in my team tomorrow";

        assertThat(keys(search.search(org.id(), new SearchQuery(question, 1, null, SearchMode.VECTOR))).getFirst())
                .isIn("difficult-feedback", "difficult-feedback-2024");
        assertThat(keys(search.search(org.id(), new SearchQuery(question, 3, null, SearchMode.HYBRID))))
                .containsAnyOf("difficult-feedback", "difficult-feedback-2024");
    }

    @Test
    void questionWordsMatchNothingByThemselves() {
        // "Delegating…" says "what" and "when", "Public speaking…" says "your": with Lucene's own English stop words
        // both would match this question. Here only "say", "give" and "feedback" are left to match.
        List<SearchHit> hits = search.search(org.id(),
                new SearchQuery("What should I say when giving your team feedback?", 10, null, SearchMode.BM25));

        assertThat(keys(hits)).isNotEmpty().doesNotContain("delegating", "speaking")
                .allSatisfy(key -> assertThat(key).containsIgnoringCase("feedback"));
    }

    @Test
    void theSameCourseListedTwiceComesBackOnce() {
        List<SearchHit> hits = search.search(org.id(), SearchQuery.of("difficult feedback conversations", 10));

        assertThat(hits).extracting(hit -> hit.item().title().toLowerCase()).doesNotHaveDuplicates()
                .containsOnlyOnce("giving difficult feedback");
        assertThat(hits).extracting(hit -> hit.item().id()).doesNotHaveDuplicates();
    }

    @Test
    void hitsCarryTheWholeItemRankedByScoreAndAtMostK() {
        List<SearchHit> hits = search.search(org.id(), SearchQuery.of("coaching new managers", 2));

        assertThat(hits).hasSize(2);
        assertThat(hits.get(0).score()).isGreaterThanOrEqualTo(hits.get(1).score());
        SearchHit coaching = hits.stream().filter(h -> h.item().key().equals("coaching-video")).findFirst().orElseThrow();
        assertThat(coaching.item()).satisfies(item -> {
            assertThat(item.id()).isEqualTo(ids.get("coaching-video"));
            assertThat(item.title()).isEqualTo("Coaching conversations for new managers");
            assertThat(item.url()).isEqualTo("https://learning.example/coaching-video");
            assertThat(item.type()).isEqualTo("video");
            assertThat(item.levelMin()).isEqualTo(1);
            assertThat(item.levelMax()).isEqualTo(2);
            assertThat(item.durationMinutes()).isEqualTo(20);
            assertThat(item.language()).isEqualTo("en");
            assertThat(item.skills()).containsExactly("coaching");
        });
    }

    @Test
    void wordsNoItemHasFindNothingByKeyword() {
        assertThat(search.search(org.id(), new SearchQuery("quantum chromodynamics lattice", 5, null, SearchMode.BM25))).isEmpty();
    }
}
