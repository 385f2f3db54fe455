package dev.stepwise.core.engine;

import dev.stepwise.core.conversation.Intent;
import dev.stepwise.core.conversation.IntentDefinition;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a message typed in the middle of a flow does: stops it ({@code cancel}), shows something in passing (a view, the
 * help) while the flow waits, offers to switch to a clear new request, or is the flow's answer.
 *
 * <ul>
 *   <li>Plain language like the flow's own intent ({@link dev.stepwise.core.conversation.Flow#answeredBy()}) is its
 *       answer; other plain language offers to switch only when it is a clear request: understood with a score of at
 *       least {@link #CLEAR_REQUEST} ({@link #CLEAR_CHOICE} where the flow asked to pick or name something) and at
 *       least {@link #MIN_WORDS} words, since "Priya" or "the second one" answer a question.</li>
 *   <li>An exact command offers to switch, except where the flow asked for the person's own words and the classifier
 *       reads the message as the flow's own kind ("Help with the release checklist was spot on" while writing
 *       feedback).</li>
 * </ul>
 */
final class MidFlow {

    static final double CLEAR_REQUEST = 0.62;
    static final double CLEAR_CHOICE = 0.55;
    static final int MIN_WORDS = 3;

    enum Outcome { CANCEL, SHOW, OFFER_SWITCH, ANSWER }

    private MidFlow() {
    }

    /**
     * @param likeliest the local classifier's best intent for the message, asked only when needed
     */
    static Outcome decide(Reading reading, boolean asksForWords, Set<String> answeredBy, Capabilities capabilities,
                          Supplier<String> likeliest) {
        Intent intent = reading.intent();
        if (intent == null) {
            return Outcome.ANSWER;
        }
        if (intent.is(Understanding.CANCEL)) {
            return Outcome.CANCEL;
        }
        Optional<IntentDefinition> definition = capabilities.definition(intent.name());
        if (definition.isEmpty() || capabilities.owner(intent.name()).isEmpty()) {
            return Outcome.ANSWER;
        }
        boolean clear;
        if (reading instanceof Reading.Command) {
            clear = !asksForWords || answeredBy.contains(intent.name()) || !answeredBy.contains(likeliest.get());
        } else {
            double score = reading instanceof Reading.Understood understood ? understood.score() : 0;
            clear = !answeredBy.contains(intent.name()) && score >= (asksForWords ? CLEAR_REQUEST : CLEAR_CHOICE)
                    && intent.text().split("\\s+").length >= MIN_WORDS;
        }
        if (!clear) {
            return Outcome.ANSWER;
        }
        return definition.get().effect() == IntentDefinition.Effect.SHOWS ? Outcome.SHOW : Outcome.OFFER_SWITCH;
    }
}
