package dev.stepwise.teams.outbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.TextFormatTypes;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.LiveReply;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.teams.cards.AdaptiveCardRenderer;
import dev.stepwise.teams.cards.Refresh;
import dev.stepwise.teams.cards.RenderedMessage;
import dev.stepwise.teams.connector.BotConnector;
import java.util.List;

/**
 * The core's replies as Teams messages: an Adaptive Card when the blocks need one (with a plain-text summary for
 * notifications), markdown text when they are only text, each sent to the conversation through the Bot Connector.
 */
public class TeamsReplies {

    private static final int SUMMARY_LENGTH = 200;

    private final AdaptiveCardRenderer renderer;
    private final BotConnector connector;

    public TeamsReplies(AdaptiveCardRenderer renderer, BotConnector connector) {
        this.renderer = renderer;
        this.connector = connector;
    }

    /** Sends each reply as its own message; the ids of the activities sent. */
    public List<String> send(String serviceUrl, String conversationId, List<Outbound> replies,
                             Refresh refresh) {
        return replies.stream()
                .map(reply -> connector.send(serviceUrl, conversationId, message(reply.blocks(), refresh)))
                .toList();
    }

    /** A live reply in the conversation: typing, then one message updated as the answer is written. */
    public LiveReply live(String serviceUrl, String conversationId, Refresh refresh) {
        return new TeamsLiveReply(this, connector, serviceUrl, conversationId, refresh);
    }

    public String send(String serviceUrl, String conversationId, List<Block> blocks) {
        return connector.send(serviceUrl, conversationId, message(blocks, null));
    }

    /** A message activity showing the blocks. */
    public Activity message(List<Block> blocks, Refresh refresh) {
        RenderedMessage rendered = renderer.render(blocks, refresh);
        Activity activity = Activity.createMessageActivity();
        if (rendered.card() == null) {
            activity.setText(rendered.fallbackText());
            activity.setTextFormat(TextFormatTypes.MARKDOWN);
        } else {
            Attachment attachment = new Attachment();
            attachment.setContentType(AdaptiveCardRenderer.CONTENT_TYPE);
            attachment.setContent(rendered.card());
            activity.setAttachments(List.of(attachment));
            activity.setSummary(summary(rendered.fallbackText()));
        }
        return activity;
    }

    /** The blocks as a card, always (invoke answers replace a card with a card). */
    public ObjectNode card(List<Block> blocks, Refresh refresh) {
        return renderer.card(blocks, refresh);
    }

    private static String summary(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() <= SUMMARY_LENGTH ? flat : flat.substring(0, SUMMARY_LENGTH - 1) + "…";
    }
}
