package dev.stepwise.core.conversation;

import java.util.Map;
import java.util.Set;

/**
 * A multi-step conversation (give feedback, request feedback, self-assessment, ...). The engine hands a flow
 * the turns that belong to it: typed text while it owns the conversation state, and presses or submissions of
 * the buttons and forms it bound with {@link ConversationState#bind}.
 */
public interface Flow {

    /** The prefix of this flow's action and form ids, and the owner name in its conversation state. */
    String name();

    /** Text typed while this flow owns the conversation state (and the text is not another command). */
    Step onText(Turn turn, ConversationState state, String text);

    /** A button of this flow was pressed on the current step. */
    Step onAction(Turn turn, ConversationState state, String action, String value);

    /**
     * A button that outlives the conversation was pressed: one bound with {@link ConversationState#standing}, such
     * as the choices in a request sent to someone's DM. It carries no step nonce, so the flow checks it against
     * what is stored (is the request still open? already answered?), not against the conversation state, which
     * may be absent or another flow's.
     */
    default Step onStandingAction(Turn turn, String action, String value) {
        return null;
    }

    /** A form of this flow was submitted on the current step. */
    Step onForm(Turn turn, ConversationState state, String form, Map<String, String> values);

    /**
     * True when the current step asked for the person's own words (the situation, the feedback itself), so a message
     * that reads like a request may well be the answer: only an exact command or a very clear request then offers
     * to switch. False (the default) when it asked to pick or name something.
     */
    default boolean asksForWords(ConversationState state) {
        return false;
    }

    /**
     * Intents whose messages, typed in this flow, are answers to it rather than new requests: feedback-like words
     * while writing feedback, a situation's details while getting help with one.
     */
    default Set<String> answeredBy() {
        return Set.of();
    }

    /** What the flow is doing, to complete "Leave … and do something else instead?", e.g. "the feedback for Kofi". */
    default String doing(ConversationState state) {
        return "what we were doing";
    }
}
