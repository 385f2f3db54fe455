package dev.stepwise.core.catalogue.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.junit.jupiter.api.Test;

class CatalogueAnalyzerTest {

    private final Analyzer analyzer = CatalogueAnalyzer.create();

    @Test
    void firstPersonAndQuestionWordsAreDroppedAndTheRestStemmed() {
        assertThat(CatalogueAnalyzer.terms(analyzer, "description", "How do I give my team's engineers feedback?", 32))
                .containsExactly("give", "team", "engin", "feedback");
    }

    @Test
    void lucenesOwnEnglishStopSetWouldKeepThem() {
        assertThat(CatalogueAnalyzer.terms(new EnglishAnalyzer(), "description", "How do I give my team feedback?", 32))
                .contains("i", "my", "how");
    }

    @Test
    void termsAreDistinctAndCapped() {
        assertThat(CatalogueAnalyzer.terms(analyzer, "description", "testing tests tested coaching coach delegation", 2))
                .containsExactly("test", "coach");
    }
}
