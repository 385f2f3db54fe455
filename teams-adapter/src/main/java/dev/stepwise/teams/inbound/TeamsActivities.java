package dev.stepwise.teams.inbound;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Input;
import dev.stepwise.core.conversation.LiveReply;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.core.help.HelpText;
import dev.stepwise.teams.connector.BotConnector;
import dev.stepwise.teams.connector.BotConnectorException;
import dev.stepwise.teams.cards.Refresh;
import dev.stepwise.teams.outbound.ConversationReferences;
import dev.stepwise.teams.outbound.TeamsReplies;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Activities that need no answer in the HTTP response, worked on after the acknowledgement: messages (personal
 * chats, and mentions in channels and group chats, answered privately), installs and removals (a welcome, and
 * the conversation kept for later messages). Everything else (reactions, edits, typing...) is ignored quietly.
 */
public class TeamsActivities {

    private static final Logger log = LoggerFactory.getLogger(TeamsActivities.class);

    private final TeamsTurns turns;
    private final TeamsReplies replies;
    private final ConversationReferences references;
    private final BotConnector connector;
    private final HelpText help;
    private final LiveViews views;
    /** Personal chats whose reference this instance stored, as conversation id | service URL (most recent 10,000). */
    private final Map<String, Boolean> stored = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    };

    public TeamsActivities(TeamsTurns turns, TeamsReplies replies, ConversationReferences references,
                           BotConnector connector, HelpText help, LiveViews views) {
        this.turns = turns;
        this.replies = replies;
        this.references = references;
        this.connector = connector;
        this.help = help;
        this.views = views;
    }

    public void handle(TeamsContext context) {
        Activity activity = context.activity();
        switch (activity.getType()) {
            case "message" -> onMessage(context);
            case "conversationUpdate" -> onConversationUpdate(context);
            case "installationUpdate" -> onInstallationUpdate(context);
            default -> log.debug("Ignoring a Teams {} activity", activity.getType());
        }
    }

    private void onMessage(TeamsContext context) {
        Activity activity = context.activity();
        String text = TeamsText.plain(context.personal() ? activity.getText() : activity.removeRecipientMention());
        if (text.isEmpty() && activity.getValue() != null) {
            log.debug("Ignoring a Teams message carrying only a card value");
            return;
        }
        if (context.personal()) {
            keepUpToDate(context);
            answer(context, context.conversationId(), text,
                    why -> replies.send(context.serviceUrl(), context.conversationId(), List.of(why)));
            return;
        }
        // In a channel or group chat the answer may be personal (feedback, goals): it goes to the person's
        // private chat with the bot, and the thread gets a pointer to it.
        Optional<ConversationReferences.Reference> privateChat = privateChatOf(context);
        if (privateChat.isEmpty()) {
            replies.send(context.serviceUrl(), context.conversationId(), List.of(Block.text(
                    "I answer in a private chat so that nothing personal shows here, but I couldn't open one with you. "
                            + "Open a chat with **Stepwise** and say it there.")));
            return;
        }
        boolean answered = answer(context, privateChat.get().conversationId(), text,
                why -> replies.send(context.serviceUrl(), context.conversationId(), List.of(why)));
        if (answered) {
            replies.send(context.serviceUrl(), context.conversationId(),
                    List.of(Block.text("I've answered you in our private chat.")));
        }
    }

    /** Runs the text through the core and sends the replies to the conversation; false when nothing was sent. */
    private boolean answer(TeamsContext context, String conversationId, String text,
                           java.util.function.Consumer<Block> tell) {
        Optional<TeamsTurns.Known> known = turns.identify(context, tell);
        if (known.isEmpty()) {
            return false;
        }
        Refresh refresh = views.refreshFor(text, context.sender().userId());
        LiveReply live = replies.live(context.serviceUrl(), conversationId, refresh);
        List<Outbound> answers = turns.answer(context.activity().getId(), known.get(), conversationId, new Input.Message(text), live);
        replies.send(context.serviceUrl(), conversationId, answers, refresh);
        return !answers.isEmpty() || live.showing();
    }

    private Optional<ConversationReferences.Reference> privateChatOf(TeamsContext context) {
        TeamsSender sender = context.sender();
        if (context.tenantId() == null || sender.aadObjectId() == null) {
            return Optional.empty();
        }
        Optional<ConversationReferences.Reference> known = references.personal(context.tenantId(), sender.aadObjectId());
        if (known.isPresent()) {
            return known;
        }
        try {
            String conversationId = connector.createPersonalConversation(context.serviceUrl(), context.tenantId(),
                    context.botId(), sender.userId());
            ConversationReferences.Reference reference = new ConversationReferences.Reference(conversationId,
                    context.tenantId(), "personal", context.serviceUrl(), context.botId(), sender.userId(),
                    sender.aadObjectId(), null);
            references.remember(reference);
            return Optional.of(reference);
        } catch (BotConnectorException failed) {
            log.info("Couldn't open a private chat with Teams user {}: {} {}", sender.aadObjectId(), failed.status(),
                    failed.code());
            return Optional.empty();
        }
    }

    private void onConversationUpdate(TeamsContext context) {
        Activity activity = context.activity();
        if (includesBot(activity.getMembersAdded(), context.botId())) {
            installed(context);
        } else if (includesBot(activity.getMembersRemoved(), context.botId())) {
            removed(context);
        }
    }

    private void onInstallationUpdate(TeamsContext context) {
        String action = context.activity().getAction();
        if (action == null) {
            return;
        }
        if (action.startsWith("add")) {
            installed(context);
        } else if (action.startsWith("remove")) {
            removed(context);
        }
    }

    private static boolean includesBot(List<ChannelAccount> members, String botId) {
        return members != null && botId != null && members.stream().anyMatch(m -> botId.equals(m.getId()));
    }

    /** The bot was added (Teams says so twice: conversationUpdate and installationUpdate): welcome once. */
    private void installed(TeamsContext context) {
        if (!remember(context)) {
            return;
        }
        if (context.personal()) {
            turns.identify(context, why -> replies.send(context.serviceUrl(), context.conversationId(), List.of(why)))
                    .ifPresent(known -> replies.send(context.serviceUrl(), context.conversationId(),
                            help.blocks(HelpText.Opening.HELLO, known.person())));
        } else if (turns.connected(context)) {
            replies.send(context.serviceUrl(), context.conversationId(), List.of(Block.text(
                    "**Hi, I'm Stepwise.** I help colleagues ask for and give feedback and grow their skills. "
                            + "Mention me with what you'd like (for example _@Stepwise give feedback_), or chat with me "
                            + "privately: whatever is personal, I answer there.")));
        }
    }

    private void removed(TeamsContext context) {
        synchronized (stored) {
            stored.keySet().removeIf(key -> key.startsWith(context.conversationId() + "|"));
        }
        if (context.conversationId() != null && references.forget(context.conversationId())) {
            log.info("Stepwise was removed from a Teams {} conversation; forgot it", context.conversationType());
        }
    }

    /**
     * Keeps a personal chat's reference current (its service URL can change) without writing it for every message:
     * a reference this instance stored as it is now isn't stored again.
     */
    private void keepUpToDate(TeamsContext context) {
        String key = context.conversationId() + "|" + context.serviceUrl();
        synchronized (stored) {
            if (stored.containsKey(key)) {
                return;
            }
        }
        remember(context);
        synchronized (stored) {
            stored.put(key, Boolean.TRUE);
        }
    }

    /** Keeps the conversation for later messages; true when it is new. */
    private boolean remember(TeamsContext context) {
        ConversationReferences.Reference reference = context.reference();
        if (reference.tenantId() == null || reference.conversationId() == null || reference.serviceUrl() == null
                || reference.botId() == null || (reference.personal() && reference.userAadObjectId() == null)) {
            log.debug("Not keeping a Teams conversation without tenant, id, service URL, bot or user");
            return false;
        }
        return references.remember(reference);
    }
}
