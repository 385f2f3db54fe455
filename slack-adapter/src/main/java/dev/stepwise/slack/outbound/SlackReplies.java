package dev.stepwise.slack.outbound;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewTitle;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.LiveReply;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.slack.blockkit.BlockKitRenderer;
import dev.stepwise.slack.blockkit.SlackMessage;
import dev.stepwise.slack.inbound.SlackConversation;
import dev.stepwise.slack.webapi.SlackCallFailed;
import dev.stepwise.slack.webapi.SlackWebApi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the core's replies where a Slack conversation is: as messages in a channel, DM or thread; only to
 * the asker (ephemeral, or through the interaction's response URL) where others could see; or inside the
 * modal the conversation lives in. A form opens as a modal when an interaction's trigger id is at hand, and
 * otherwise is offered as an "Open" button that opens it later.
 */
public class SlackReplies {

    private static final Logger log = LoggerFactory.getLogger(SlackReplies.class);
    private static final int MODAL_BLOCKS = 100;

    private final SlackWebApi api;
    private final BlockKitRenderer renderer;
    private final PendingForms forms;
    private final DirectMessages directMessages;
    private final Slack slack;
    private final Gson gson = GsonFactory.createSnakeCase();

    public SlackReplies(SlackWebApi api, BlockKitRenderer renderer, PendingForms forms, DirectMessages directMessages,
                        Slack slack) {
        this.api = api;
        this.renderer = renderer;
        this.forms = forms;
        this.directMessages = directMessages;
        this.slack = slack;
    }

    /**
     * @param userId    the person the replies answer
     * @param triggerId an unused trigger id of the interaction being answered (opens modals), or null
     * @return whether Slack took the replies (failures are logged, never thrown: what caused them is recorded)
     */
    public boolean deliver(String token, String userId, SlackConversation conversation, List<Outbound> replies,
                        String triggerId) {
        List<Block> blocks = replies.stream().flatMap(reply -> reply.blocks().stream()).toList();
        if (blocks.isEmpty()) {
            return true;
        }
        Optional<Block.Form> form = blocks.stream().filter(Block.Form.class::isInstance).map(Block.Form.class::cast).findFirst();
        List<Block> others = blocks.stream().filter(block -> !(block instanceof Block.Form)).toList();
        try {
            if (conversation.viewId() != null) {
                api.updateView(token, conversation.viewId(), null, form
                        .map(f -> renderer.modal(f, conversation.toMetadata()))
                        .orElseGet(() -> panel(others, conversation)));
            } else if (!conversation.hasChannel()) {
                if (triggerId == null) {
                    log.warn("A modal conversation had replies but no way to show them");
                    return false;
                }
                api.openView(token, triggerId, form
                        .map(f -> renderer.modal(f, conversation.toMetadata()))
                        .orElseGet(() -> panel(others, conversation)));
            } else if (form.isPresent() && triggerId != null) {
                post(token, conversation, others);
                api.openView(token, triggerId, renderer.modal(form.get(), conversation.toMetadata()));
            } else {
                form.ifPresent(f -> forms.keep(userId, f));
                post(token, conversation, blocks);
            }
            return true;
        } catch (SlackCallFailed failed) {
            log.warn("Couldn't deliver a reply to {} in Slack: {} failed with {}", userId, failed.method(), failed.error());
            return false;
        }
    }

    /**
     * A live reply for answers that take a few seconds, edited in place as they are written; none where the reply
     * wouldn't be an ordinary message (modals, ephemeral answers, answers through a response URL).
     */
    public LiveReply live(String token, SlackConversation conversation) {
        boolean ordinaryMessage = conversation.hasChannel() && conversation.viewId() == null
                && conversation.ephemeralTo() == null && conversation.responseUrl() == null;
        return ordinaryMessage ? new SlackLiveReply(api, renderer, token, conversation) : LiveReply.NONE;
    }

    /** A modal that shows blocks without a form: a step of a conversation that lives in a modal, or its result. */
    public View panel(List<Block> blocks, SlackConversation conversation) {
        List<LayoutBlock> layout = new ArrayList<>();
        renderer.message(blocks).forEach(message -> layout.addAll(message.blocks()));
        if (layout.size() > MODAL_BLOCKS) {
            layout.subList(MODAL_BLOCKS, layout.size()).clear();
        }
        return View.builder().type("modal").callbackId("stepwise.panel")
                .title(ViewTitle.builder().type("plain_text").text("Stepwise").build())
                .close(ViewClose.builder().type("plain_text").text("Close").build())
                .blocks(layout).privateMetadata(conversation.toMetadata()).build();
    }

    /** The person's DM with the bot, as a conversation. */
    public SlackConversation directConversation(String token, String userId) {
        return SlackConversation.inChannel(directMessages.channelWith(token, userId), null);
    }

    public Optional<String> permalink(String token, String channelId, String messageTs) {
        try {
            return Optional.ofNullable(api.permalink(token, channelId, messageTs));
        } catch (SlackCallFailed failed) {
            log.info("No permalink for a message in {}: {}", channelId, failed.error());
            return Optional.empty();
        }
    }

    private void post(String token, SlackConversation conversation, List<Block> blocks) {
        for (SlackMessage message : renderer.message(blocks)) {
            if (conversation.responseUrl() != null && respond(conversation.responseUrl(), message)) {
                continue;
            }
            if (conversation.ephemeralTo() != null) {
                api.postEphemeral(token, conversation.channelId(), conversation.ephemeralTo(), conversation.threadTs(),
                        message.text(), message.blocks());
            } else {
                api.postMessage(token, conversation.channelId(), conversation.threadTs(), message.text(), message.blocks());
            }
        }
    }

    /** Answers through a response URL (slash commands, ephemeral messages); false if that didn't work. */
    private boolean respond(String responseUrl, SlackMessage message) {
        JsonObject payload = new JsonObject();
        payload.addProperty("response_type", "ephemeral");
        payload.addProperty("replace_original", false);
        payload.addProperty("text", message.text());
        payload.add("blocks", gson.toJsonTree(message.blocks()));
        try {
            WebhookResponse response = slack.send(responseUrl, gson.toJson(payload));
            if (response.getCode() / 100 == 2) {
                return true;
            }
            log.info("A response URL answered {}; answering with a message instead", response.getCode());
        } catch (IOException unreachable) {
            log.info("A response URL was unreachable ({}); answering with a message instead", unreachable.getMessage());
        }
        return false;
    }
}
