package dev.stepwise.core.conversation;

/** The answer to a message that is none of the intents: short, friendly, pointing at what can be done. */
public interface NotUnderstood {

    Step reply(Turn turn, String text);
}
