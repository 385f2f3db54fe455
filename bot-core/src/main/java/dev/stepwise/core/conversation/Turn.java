package dev.stepwise.core.conversation;

import dev.stepwise.core.people.Person;
import java.util.Optional;
import java.util.UUID;

/**
 * One inbound event as a flow sees it: who, where, the state of the conversation so far, and the live reply a slow
 * answer can show its progress in ({@link LiveReply#NONE} where the channel has none).
 */
public record Turn(Inbound inbound, Person person, Optional<ConversationState> state, LiveReply live) {

    public Turn(Inbound inbound, Person person, Optional<ConversationState> state) {
        this(inbound, person, state, LiveReply.NONE);
    }

    public UUID organisationId() {
        return inbound.organisationId();
    }
}
