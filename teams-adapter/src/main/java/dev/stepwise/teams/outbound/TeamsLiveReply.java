package dev.stepwise.teams.outbound;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.LiveReply;
import dev.stepwise.teams.cards.Refresh;
import dev.stepwise.teams.connector.BotConnector;
import dev.stepwise.teams.connector.BotConnectorException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reply in a Teams conversation that grows while it is written: "typing" first ({@link #working()}), then a
 * message sent once and updated in place through the Bot Connector, the last time with the finished answer.
 */
final class TeamsLiveReply implements LiveReply {

    private static final Logger log = LoggerFactory.getLogger(TeamsLiveReply.class);

    private final TeamsReplies replies;
    private final BotConnector connector;
    private final String serviceUrl;
    private final String conversationId;
    private final Refresh refresh;
    private String activityId;
    private boolean broken;

    TeamsLiveReply(TeamsReplies replies, BotConnector connector, String serviceUrl, String conversationId, Refresh refresh) {
        this.replies = replies;
        this.connector = connector;
        this.serviceUrl = serviceUrl;
        this.conversationId = conversationId;
        this.refresh = refresh;
    }

    @Override
    public synchronized void working() {
        if (activityId != null || broken) {
            return;
        }
        try {
            connector.send(serviceUrl, conversationId, new Activity(ActivityTypes.TYPING));
        } catch (BotConnectorException failed) {
            log.info("Couldn't show typing in Teams ({}); the answer follows anyway", failed.status());
        }
    }

    @Override
    public synchronized boolean show(List<Block> blocks) {
        if (broken) {
            return false;
        }
        Activity message = replies.message(blocks, refresh);
        try {
            if (activityId == null) {
                activityId = connector.send(serviceUrl, conversationId, message);
            } else {
                message.setId(activityId);
                connector.update(serviceUrl, conversationId, activityId, message);
            }
            return true;
        } catch (BotConnectorException failed) {
            // Stop updating: the finished reply is then sent as a message of its own.
            broken = true;
            log.warn("Couldn't show a reply being written in Teams (HTTP {}, {})", failed.status(), failed.getMessage());
            return false;
        }
    }

    @Override
    public synchronized boolean showing() {
        return activityId != null && !broken;
    }
}
