package dev.stepwise.core.conversation;

import java.util.List;

/** What a flow did with a turn: the messages it sends and what happens to the conversation state. */
public record Step(List<Outbound> messages, Next next, ConversationState state) {

    public enum Next {
        /** Wait for the person in {@link #state()}. */
        WAIT,
        /** Keep whatever state there was (e.g. a form shown again with an error). */
        STAY,
        /** The flow is over; forget the state. */
        DONE
    }

    public Step {
        messages = List.copyOf(messages);
    }

    public static Step waitFor(ConversationState state, Outbound... messages) {
        return new Step(List.of(messages), Next.WAIT, state);
    }

    public static Step stay(Outbound... messages) {
        return new Step(List.of(messages), Next.STAY, null);
    }

    public static Step done(Outbound... messages) {
        return new Step(List.of(messages), Next.DONE, null);
    }
}
