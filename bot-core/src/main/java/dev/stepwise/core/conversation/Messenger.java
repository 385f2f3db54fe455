package dev.stepwise.core.conversation;

import java.util.List;
import java.util.UUID;

/**
 * Port: delivers a message to a person outside the conversation a flow is answering (the colleague who
 * receives feedback, a nudge). Each channel provides one; the person is reached in their direct chat
 * with the bot.
 */
public interface Messenger {

    /**
     * Delivers the blocks to the person. Implementations must not throw for an unreachable person: they log
     * it and return false, because whatever triggered the message is already recorded.
     */
    boolean send(UUID organisationId, UUID personId, List<Block> blocks);
}
