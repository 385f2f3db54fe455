package dev.stepwise.core.conversation;

import java.util.List;

/**
 * What a feature contributes to the conversation: the intents it answers (with their commands, example phrasings and
 * help line) and how it starts on one. Every capability is a bean; the engine takes them all and knows none by name,
 * so a new capability is a new package with a class implementing this (and {@link Flow} when it takes more than one
 * turn).
 */
public interface Capability {

    /** The intents this capability answers; names are unique across the application. */
    List<IntentDefinition> intents();

    /**
     * Starts on {@code intent} (one of {@link #intents()}): a one-turn answer ({@link Step#stay}) or the first step of a
     * flow ({@link Step#waitFor}). Slots are what the person already said; anything missing is asked for.
     */
    Step start(Turn turn, Intent intent);
}
