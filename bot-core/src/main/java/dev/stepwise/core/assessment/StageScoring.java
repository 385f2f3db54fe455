package dev.stepwise.core.assessment;

import dev.stepwise.core.competency.Level;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns answers to "can you do" statements into a stage, asking as few as it can (see docs/assessment-scoring.md).
 *
 * <p>A staircase: the first statement is at the stage the role requires (Competent where it requires none); "consistently"
 * moves one stage up, "not yet" or "sometimes" one stage down, until the highest stage answered "consistently" sits
 * right under the lowest stage that wasn't (or at Expert, or under Novice). The stage is that highest one "consistently";
 * a person who can't yet do the Novice statement is a Novice still. Two to four answers settle a skill; a stage
 * without a statement is skipped the way it would be answered ("consistently" below a settled stage is never asked).
 *
 * <p>Confidence: <b>high</b> when the stage has a "consistently" right under a "not yet" (or an end of the scale) and at
 * least two answers; <b>medium</b> when the step above was "sometimes" (the person is on the way there), or only one
 * answer settled it; <b>low</b> when answers contradict each other (a "consistently" above a "not yet"), which the
 * staircase only allows when a person changes an earlier answer.
 */
public final class StageScoring {

    public enum Answer { NOT_YET, SOMETIMES, CONSISTENTLY }

    public enum Confidence { LOW, MEDIUM, HIGH }

    /** The settled stage, its confidence, and the stage above it when the person does that "sometimes" (or null). */
    public record Result(Level stage, Confidence confidence, Level emerging) {
    }

    private StageScoring() {
    }

    /**
     * The next stage to ask about, or empty when the answers have settled.
     *
     * @param start   the stage to begin at (the role's requirement)
     * @param answers the answers so far, by stage
     * @param asked   the stages that have a statement to ask
     */
    public static Optional<Level> next(Level start, Map<Level, Answer> answers, java.util.Set<Level> asked) {
        if (answers.isEmpty()) {
            return nearestAskable(start.number(), asked);
        }
        int met = highestMet(answers);
        int notMet = lowestNotMet(answers);
        if (notMet - met <= 1 || met >= 5 || notMet <= 1 && met == 0) {
            return Optional.empty();
        }
        // Between what's met and what isn't: the last answer decides the direction, one step at a time.
        int candidate = met == 0 ? notMet - 1 : met + 1;
        for (int stage = candidate; stage > met && stage < notMet; stage++) {
            if (asked.contains(Level.of(stage)) && !answers.containsKey(Level.of(stage))) {
                return Optional.of(Level.of(stage));
            }
        }
        for (int stage = candidate - 1; stage > met && stage < notMet; stage--) {
            if (asked.contains(Level.of(stage)) && !answers.containsKey(Level.of(stage))) {
                return Optional.of(Level.of(stage));
            }
        }
        return Optional.empty();
    }

    /** The stage the answers give. */
    public static Result score(Map<Level, Answer> answers) {
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("No answers to score");
        }
        int met = highestMet(answers);
        int notMet = lowestNotMet(answers);
        Level stage = Level.of(Math.max(1, met));
        boolean contradicted = met >= notMet;
        Answer above = met < 5 ? answers.get(Level.of(Math.min(5, met + 1))) : null;
        Level emerging = above == Answer.SOMETIMES ? Level.of(met + 1) : null;
        Confidence confidence;
        if (contradicted) {
            confidence = Confidence.LOW;
        } else if (emerging != null || answers.size() < 2) {
            confidence = Confidence.MEDIUM;
        } else {
            confidence = Confidence.HIGH;
        }
        return new Result(stage, confidence, emerging);
    }

    private static Optional<Level> nearestAskable(int from, java.util.Set<Level> asked) {
        for (int distance = 0; distance < 5; distance++) {
            for (int stage : new int[] {from - distance, from + distance}) {
                if (stage >= 1 && stage <= 5 && asked.contains(Level.of(stage))) {
                    return Optional.of(Level.of(stage));
                }
            }
        }
        return Optional.empty();
    }

    /** The highest stage answered "consistently"; 0 when none. */
    private static int highestMet(Map<Level, Answer> answers) {
        return new TreeMap<>(answers).entrySet().stream().filter(e -> e.getValue() == Answer.CONSISTENTLY)
                .mapToInt(e -> e.getKey().number()).max().orElse(0);
    }

    /** The lowest stage answered "not yet" or "sometimes"; 6 when none. */
    private static int lowestNotMet(Map<Level, Answer> answers) {
        return answers.entrySet().stream().filter(e -> e.getValue() != Answer.CONSISTENTLY)
                .mapToInt(e -> e.getKey().number()).min().orElse(6);
    }
}
