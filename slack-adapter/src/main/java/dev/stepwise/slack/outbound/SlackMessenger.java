package dev.stepwise.slack.outbound;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Messenger;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.core.people.People;
import dev.stepwise.slack.inbound.SlackConversation;
import dev.stepwise.slack.inbound.SlackPeople;
import dev.stepwise.slack.inbound.SlackWorkspaces;
import dev.stepwise.slack.webapi.SlackCallFailed;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reaches people in their DM with the bot (feedback for them, nudges), then refreshes their App Home. Sending
 * happens on the adapter's workers, never on the thread that called: a modal submission that gives feedback
 * must still be acknowledged within Slack's three seconds whatever Slack's Web API is doing.
 */
public class SlackMessenger implements Messenger {

    private static final Logger log = LoggerFactory.getLogger(SlackMessenger.class);

    private final SlackWorkspaces workspaces;
    private final SlackPeople slackPeople;
    private final People people;
    private final SlackReplies replies;
    private final SlackHome home;
    private final java.util.concurrent.Executor workers;

    public SlackMessenger(SlackWorkspaces workspaces, SlackPeople slackPeople, People people, SlackReplies replies,
                          SlackHome home, java.util.concurrent.Executor workers) {
        this.workers = workers;
        this.workspaces = workspaces;
        this.slackPeople = slackPeople;
        this.people = people;
        this.replies = replies;
        this.home = home;
    }

    @Override
    public String channel() {
        return "slack";
    }

    @Override
    public boolean reaches(UUID organisationId, UUID personId) {
        return slackPeople.slackUserOf(organisationId, personId).isPresent() && workspaces.botToken(organisationId).isPresent();
    }

    /** Queues the message; false when the person can't be reached in Slack or no worker could take it. */
    @Override
    public boolean send(UUID organisationId, UUID personId, List<Block> blocks) {
        Optional<String> userId = slackPeople.slackUserOf(organisationId, personId);
        Optional<String> token = userId.isEmpty() ? Optional.empty() : workspaces.botToken(organisationId);
        if (userId.isEmpty() || token.isEmpty()) {
            log.warn("Person {} can't be reached in Slack", personId);
            return false;
        }
        try {
            workers.execute(() -> {
                try {
                    deliver(token.get(), userId.get(), organisationId, personId, blocks);
                } catch (RuntimeException failure) {
                    log.error("Messaging person {} in Slack failed", personId, failure);
                }
            });
            return true;
        } catch (java.util.concurrent.RejectedExecutionException busy) {
            log.warn("No worker free to message person {} in Slack; the message was not sent", personId);
            return false;
        }
    }

    private void deliver(String token, String userId, UUID organisationId, UUID personId, List<Block> blocks) {
        try {
            SlackConversation dm = replies.directConversation(token, userId);
            if (!replies.deliver(token, userId, dm, List.of(Outbound.reply(blocks)), null)) {
                return;
            }
        } catch (SlackCallFailed failed) {
            log.warn("Couldn't message person {} in Slack: {} failed with {}", personId, failed.method(), failed.error());
            return;
        }
        people.find(organisationId, personId).ifPresent(person -> home.refresh(organisationId, person));
    }
}
