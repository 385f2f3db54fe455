package dev.stepwise.slack.outbound;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.LiveReply;
import dev.stepwise.slack.blockkit.BlockKitRenderer;
import dev.stepwise.slack.blockkit.SlackMessage;
import dev.stepwise.slack.inbound.SlackConversation;
import dev.stepwise.slack.webapi.SlackCallFailed;
import dev.stepwise.slack.webapi.SlackWebApi;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reply in a Slack channel, DM or thread that grows while it is written: posted once ({@code chat.postMessage}),
 * then edited in place ({@code chat.update}), the last time with the finished answer. Slack has no typing sign for
 * apps, so {@link #working()} does nothing. Only for messages everyone in the conversation sees: ephemeral messages
 * and modals can't be edited this way, and get the finished reply only.
 */
final class SlackLiveReply implements LiveReply {

    private static final Logger log = LoggerFactory.getLogger(SlackLiveReply.class);

    private final SlackWebApi api;
    private final BlockKitRenderer renderer;
    private final String token;
    private final SlackConversation conversation;
    private String ts;
    private boolean broken;

    SlackLiveReply(SlackWebApi api, BlockKitRenderer renderer, String token, SlackConversation conversation) {
        this.api = api;
        this.renderer = renderer;
        this.token = token;
        this.conversation = conversation;
    }

    @Override
    public synchronized boolean show(List<Block> blocks) {
        if (broken) {
            return false;
        }
        List<SlackMessage> messages = renderer.message(blocks);
        SlackMessage first = messages.getFirst();
        try {
            if (ts == null) {
                ts = api.postMessage(token, conversation.channelId(), conversation.threadTs(), first.text(), first.blocks());
            } else {
                api.updateMessage(token, conversation.channelId(), ts, first.text(), first.blocks());
            }
            // Only a long finished answer needs more than one message; its further pages follow the edited one.
            for (SlackMessage more : messages.subList(1, messages.size())) {
                api.postMessage(token, conversation.channelId(), conversation.threadTs(), more.text(), more.blocks());
            }
            return true;
        } catch (SlackCallFailed failed) {
            // Stop editing: the finished reply is then posted as a message of its own.
            broken = true;
            log.warn("Couldn't show a reply being written in Slack: {} failed with {}", failed.method(), failed.error());
            return false;
        }
    }

    @Override
    public synchronized boolean showing() {
        return ts != null && !broken;
    }
}
