package dev.stepwise.app.playground;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Messenger;
import java.util.List;
import java.util.UUID;

/** Delivers messages for other people into their playground chat, where their pane picks them up. */
class PlaygroundMessenger implements Messenger {

    private final PlaygroundConversations conversations;

    PlaygroundMessenger(PlaygroundConversations conversations) {
        this.conversations = conversations;
    }

    @Override
    public boolean send(UUID organisationId, UUID personId, List<Block> blocks) {
        conversations.append(personId, PlaygroundConversations.From.BOT, blocks);
        return true;
    }
}
