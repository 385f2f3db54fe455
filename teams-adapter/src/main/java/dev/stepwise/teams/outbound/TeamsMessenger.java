package dev.stepwise.teams.outbound;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Messenger;
import dev.stepwise.core.organisation.ChannelIdentity;
import dev.stepwise.core.organisation.Organisations;
import dev.stepwise.teams.connector.BotConnectorException;
import dev.stepwise.teams.inbound.TeamsPeople;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reaches people in their personal chat with the bot (feedback for them, nudges): a proactive message to the
 * conversation Teams gave the bot when the person installed it, at that conversation's service URL. Sending
 * happens on the adapter's workers, never on the calling thread, so an invoke is answered in time whatever the
 * Bot Connector is doing.
 */
public class TeamsMessenger implements Messenger {

    private static final Logger log = LoggerFactory.getLogger(TeamsMessenger.class);

    private final Organisations organisations;
    private final TeamsPeople people;
    private final ConversationReferences references;
    private final TeamsReplies replies;
    private final Executor workers;

    public TeamsMessenger(Organisations organisations, TeamsPeople people, ConversationReferences references,
                          TeamsReplies replies, Executor workers) {
        this.organisations = organisations;
        this.people = people;
        this.references = references;
        this.replies = replies;
        this.workers = workers;
    }

    @Override
    public String channel() {
        return "teams";
    }

    @Override
    public boolean reaches(UUID organisationId, UUID personId) {
        return personalChat(organisationId, personId).isPresent();
    }

    /** Queues the message; false when the person has no personal chat with the bot or no worker could take it. */
    @Override
    public boolean send(UUID organisationId, UUID personId, List<Block> blocks) {
        Optional<ConversationReferences.Reference> chat = personalChat(organisationId, personId);
        if (chat.isEmpty()) {
            log.warn("Person {} can't be reached in Teams", personId);
            return false;
        }
        try {
            workers.execute(() -> deliver(chat.get(), personId, blocks));
            return true;
        } catch (RejectedExecutionException busy) {
            log.warn("No worker free to message person {} in Teams; the message was not sent", personId);
            return false;
        }
    }

    private void deliver(ConversationReferences.Reference chat, UUID personId, List<Block> blocks) {
        try {
            replies.send(chat.serviceUrl(), chat.conversationId(), blocks);
        } catch (BotConnectorException failed) {
            if (failed.status() == 403 || failed.status() == 404) {
                // The person removed the app (or left the tenant): stop writing to that conversation.
                references.forget(chat.conversationId());
            }
            log.warn("Messaging person {} in Teams failed: {} {}", personId, failed.status(), failed.code());
        } catch (RuntimeException failure) {
            log.error("Messaging person {} in Teams failed", personId, failure);
        }
    }

    private Optional<ConversationReferences.Reference> personalChat(UUID organisationId, UUID personId) {
        Optional<String> aadObjectId = people.aadObjectIdOf(organisationId, personId);
        if (aadObjectId.isEmpty()) {
            return Optional.empty();
        }
        return organisations.identities(organisationId, TeamsPeople.PLATFORM).stream()
                .filter(identity -> "tenant".equals(identity.kind()))
                .map(ChannelIdentity::externalId)
                .map(tenant -> references.personal(tenant, aadObjectId.get()))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
