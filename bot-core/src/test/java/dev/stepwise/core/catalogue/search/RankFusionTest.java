package dev.stepwise.core.catalogue.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RankFusionTest {

    static Stream<RankFusion> fusions() {
        return Stream.of(RankFusion.DEFAULT, RankFusion.reciprocalRank(0.5), RankFusion.normalisedScores(0.5));
    }

    @ParameterizedTest
    @MethodSource("fusions")
    void anItemBothListsFoundBeatsItemsOnlyOneFound(RankFusion fusion) {
        ScoreDoc[] lexical = {new ScoreDoc(1, 12f), new ScoreDoc(2, 9f), new ScoreDoc(3, 2f)};
        ScoreDoc[] semantic = {new ScoreDoc(4, 0.9f), new ScoreDoc(2, 0.8f), new ScoreDoc(5, 0.1f)};

        List<ScoreDoc> fused = fusion.fuse(lexical, semantic);

        assertThat(fused).extracting(d -> d.doc).hasSize(5).startsWith(2).doesNotHaveDuplicates();
        assertThat(fused).extracting(d -> d.score).isSortedAccordingTo((a, b) -> Float.compare(b, a));
    }

    @Test
    void reciprocalRankIgnoresHowFarApartTheScoresAre() {
        List<ScoreDoc> fused = RankFusion.reciprocalRank(0.5).fuse(new ScoreDoc[] {new ScoreDoc(1, 1000f)},
                new ScoreDoc[] {new ScoreDoc(2, 0.01f)});

        assertThat(fused.get(0).score).isEqualTo(fused.get(1).score);
    }

    @Test
    void theDefaultTrustsTheEmbeddingsMoreThanKeywords() {
        List<ScoreDoc> fused = RankFusion.DEFAULT.fuse(new ScoreDoc[] {new ScoreDoc(1, 12f), new ScoreDoc(2, 3f)},
                new ScoreDoc[] {new ScoreDoc(3, 0.9f), new ScoreDoc(4, 0.5f)});

        assertThat(fused).extracting(d -> d.doc).startsWith(3, 1);
    }

    @ParameterizedTest
    @MethodSource("fusions")
    void oneEmptyListLeavesTheOthersOrder(RankFusion fusion) {
        ScoreDoc[] semantic = {new ScoreDoc(7, 0.9f), new ScoreDoc(3, 0.5f)};
        assertThat(fusion.fuse(new ScoreDoc[0], semantic)).extracting(d -> d.doc).containsExactly(7, 3);
    }

    @Test
    void weightsAreBetweenZeroAndOne() {
        assertThatThrownBy(() -> RankFusion.normalisedScores(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
