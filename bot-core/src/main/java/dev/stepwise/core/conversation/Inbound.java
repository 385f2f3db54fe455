package dev.stepwise.core.conversation;

import java.util.Objects;
import java.util.UUID;

/**
 * One neutral inbound event, already authenticated and mapped to an organisation and person by an adapter.
 *
 * @param eventId        the platform's id for this event; the same id is processed once
 * @param channel        which channel it came from ("slack", "teams", "playground", ...), part of the state key
 * @param organisationId the tenant the person belongs to
 * @param personId       who did it
 * @param conversationId where it happened, in the channel's own terms (DM id, thread, playground pane)
 */
public record Inbound(String eventId, String channel, UUID organisationId, UUID personId, String conversationId,
                      Input input) {
    public Inbound {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(input, "input");
    }
}
