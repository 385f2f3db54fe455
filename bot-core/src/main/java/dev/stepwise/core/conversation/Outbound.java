package dev.stepwise.core.conversation;

import java.util.List;
import java.util.UUID;

/**
 * A message a flow sends: either a reply in the conversation the inbound event came from, or a direct
 * message to another person of the same organisation (delivered by the {@link Messenger}).
 *
 * @param recipient null for a reply in the current conversation, else the person to message directly
 */
public record Outbound(UUID recipient, List<Block> blocks) {
    public Outbound {
        blocks = List.copyOf(blocks);
    }

    public static Outbound reply(Block... blocks) {
        return new Outbound(null, List.of(blocks));
    }

    public static Outbound reply(List<Block> blocks) {
        return new Outbound(null, blocks);
    }

    public static Outbound direct(UUID recipient, List<Block> blocks) {
        return new Outbound(recipient, blocks);
    }

    public boolean isReply() {
        return recipient == null;
    }
}
