package dev.stepwise.core.assessment;

import static dev.stepwise.core.assessment.StageScoring.Answer.CONSISTENTLY;
import static dev.stepwise.core.assessment.StageScoring.Answer.NOT_YET;
import static dev.stepwise.core.assessment.StageScoring.Answer.SOMETIMES;
import static dev.stepwise.core.competency.Level.ADVANCED_BEGINNER;
import static dev.stepwise.core.competency.Level.COMPETENT;
import static dev.stepwise.core.competency.Level.EXPERT;
import static dev.stepwise.core.competency.Level.NOVICE;
import static dev.stepwise.core.competency.Level.PROFICIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.core.assessment.StageScoring.Answer;
import dev.stepwise.core.assessment.StageScoring.Confidence;
import dev.stepwise.core.competency.Level;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The staircase and its scoring on the edges: the ends of the scale, "sometimes", missing statements, contradictions. */
class StageScoringTest {

    private static final Set<Level> ALL = EnumSet.allOf(Level.class);

    /** Plays the staircase with a person whose answers are {@code truth}; returns the stages asked, in order. */
    private static List<Level> play(Level start, Set<Level> asked, Function<Level, Answer> truth, Map<Level, Answer> answers) {
        java.util.List<Level> order = new java.util.ArrayList<>();
        Optional<Level> next = StageScoring.next(start, answers, asked);
        while (next.isPresent()) {
            assertThat(order).as("never the same stage twice").doesNotContain(next.get());
            order.add(next.get());
            answers.put(next.get(), truth.apply(next.get()));
            next = StageScoring.next(start, answers, asked);
        }
        return order;
    }

    private static Function<Level, Answer> canDoUpTo(int stage) {
        return level -> level.number() <= stage ? CONSISTENTLY : NOT_YET;
    }

    @Test
    void startsAtTheRequiredStageAndClimbsWhileThePersonCanDoIt() {
        Map<Level, Answer> answers = new LinkedHashMap<>();
        assertThat(play(COMPETENT, ALL, canDoUpTo(4), answers)).containsExactly(COMPETENT, PROFICIENT, EXPERT);
        assertThat(StageScoring.score(answers)).isEqualTo(new StageScoring.Result(PROFICIENT, Confidence.HIGH, null));
    }

    @Test
    void goesDownWhenTheFirstStatementIsNotYetThere() {
        Map<Level, Answer> answers = new LinkedHashMap<>();
        assertThat(play(PROFICIENT, ALL, canDoUpTo(2), answers)).containsExactly(PROFICIENT, COMPETENT, ADVANCED_BEGINNER);
        assertThat(StageScoring.score(answers).stage()).isEqualTo(ADVANCED_BEGINNER);
        assertThat(StageScoring.score(answers).confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void everyTrueStageIsFoundInFiveTapsAtMostFromEveryStart() {
        for (Level start : Level.values()) {
            for (int truth = 0; truth <= 5; truth++) {
                Map<Level, Answer> answers = new LinkedHashMap<>();
                List<Level> asked = play(start, ALL, canDoUpTo(truth), answers);
                assertThat(asked).as("start %s, truth %d", start, truth).hasSizeBetween(1, 5);
                assertThat(StageScoring.score(answers).stage()).as("start %s, truth %d", start, truth)
                        .isEqualTo(Level.of(Math.max(1, truth)));
            }
        }
    }

    @Test
    void theTopAndTheBottomOfTheScaleSettleAtOnce() {
        assertThat(StageScoring.next(EXPERT, Map.of(EXPERT, CONSISTENTLY), ALL)).isEmpty();
        assertThat(StageScoring.score(Map.of(EXPERT, CONSISTENTLY))).isEqualTo(new StageScoring.Result(EXPERT, Confidence.MEDIUM, null));
        assertThat(StageScoring.next(NOVICE, Map.of(NOVICE, NOT_YET), ALL)).isEmpty();
        assertThat(StageScoring.score(Map.of(NOVICE, NOT_YET)).stage()).as("still a Novice").isEqualTo(NOVICE);
    }

    @Test
    void sometimesAboveTheStageMarksItAsEmergingWithMediumConfidence() {
        Map<Level, Answer> answers = new LinkedHashMap<>();
        play(COMPETENT, ALL, level -> level.number() <= 2 ? CONSISTENTLY : level == COMPETENT ? SOMETIMES : NOT_YET, answers);
        StageScoring.Result result = StageScoring.score(answers);
        assertThat(result.stage()).isEqualTo(ADVANCED_BEGINNER);
        assertThat(result.emerging()).isEqualTo(COMPETENT);
        assertThat(result.confidence()).isEqualTo(Confidence.MEDIUM);
    }

    @Test
    void aStageWithoutAStatementIsSteppedOver() {
        Set<Level> withoutProficient = EnumSet.of(NOVICE, ADVANCED_BEGINNER, COMPETENT, EXPERT);
        Map<Level, Answer> answers = new LinkedHashMap<>();
        assertThat(play(PROFICIENT, withoutProficient, canDoUpTo(3), answers)).containsExactly(COMPETENT, EXPERT);
        assertThat(StageScoring.score(answers).stage()).isEqualTo(COMPETENT);
        assertThat(StageScoring.next(COMPETENT, Map.of(), Set.of())).as("nothing to ask").isEmpty();
    }

    @Test
    void answersThatContradictEachOtherHaveLowConfidence() {
        StageScoring.Result result = StageScoring.score(Map.of(ADVANCED_BEGINNER, NOT_YET, PROFICIENT, CONSISTENTLY));
        assertThat(result.confidence()).isEqualTo(Confidence.LOW);
        assertThat(result.stage()).isEqualTo(PROFICIENT);
    }

    @Test
    void noAnswersIsNotAScore() {
        assertThatThrownBy(() -> StageScoring.score(Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
