package dev.stepwise.app.playground;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Messenger;
import dev.stepwise.core.organisation.Organisations;
import java.util.List;
import java.util.UUID;

/** Delivers messages for people of the playground organisation into their playground chat, where their pane picks them up. */
class PlaygroundMessenger implements Messenger {

    private final PlaygroundConversations conversations;
    private final Organisations organisations;
    private final String organisationKey;

    PlaygroundMessenger(PlaygroundConversations conversations, Organisations organisations, String organisationKey) {
        this.conversations = conversations;
        this.organisations = organisations;
        this.organisationKey = organisationKey;
    }

    @Override
    public String channel() {
        return PlaygroundController.CHANNEL;
    }

    @Override
    public boolean reaches(UUID organisationId, UUID personId) {
        return organisations.findByKey(organisationKey).map(o -> o.id().equals(organisationId)).orElse(false);
    }

    @Override
    public boolean send(UUID organisationId, UUID personId, List<Block> blocks) {
        conversations.append(personId, PlaygroundConversations.From.BOT, blocks);
        return true;
    }
}
