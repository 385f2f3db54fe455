package dev.stepwise.core.conversation;

import java.util.List;
import java.util.UUID;

/**
 * Port: one channel's way to deliver a message to a person outside the conversation a flow is answering (the
 * colleague who receives feedback, a nudge), in their direct chat with the bot. Each channel that can reach
 * people provides one; {@link Messengers} picks which.
 */
public interface Messenger {

    /** The channel name, as in {@link Inbound#channel()}. */
    String channel();

    /** Whether this channel knows how to reach the person (e.g. they have an identity on its platform). */
    boolean reaches(UUID organisationId, UUID personId);

    /**
     * Delivers the blocks to the person. Implementations must not throw for an unreachable person: they log
     * it and return false, because whatever triggered the message is already recorded.
     */
    boolean send(UUID organisationId, UUID personId, List<Block> blocks);
}
