package dev.stepwise.core.conversation;

import dev.stepwise.core.people.Person;
import java.util.Optional;
import java.util.UUID;

/** One inbound event as a flow sees it: who, where, and the state of the conversation so far. */
public record Turn(Inbound inbound, Person person, Optional<ConversationState> state) {

    public UUID organisationId() {
        return inbound.organisationId();
    }
}
