package dev.stepwise.teams.connector;

import com.microsoft.bot.schema.Activity;
import java.util.Optional;

/**
 * The Bot Connector REST API (v3) as the Teams adapter uses it. {@code serviceUrl} is the one the conversation's
 * inbound activities carried (verified against their token); ids are passed as Teams gives them, unencoded.
 * Failures are {@link BotConnectorException}s. An activity is never sent twice: a send whose outcome is unknown
 * fails instead of being repeated.
 */
public interface BotConnector {

    /** Posts an activity to a conversation (a new message, or a proactive one); answers the new activity's id. */
    String send(String serviceUrl, String conversationId, Activity activity);

    /** Posts an activity as a reply to {@code replyToId} (threads it in a channel); answers the new activity's id. */
    String reply(String serviceUrl, String conversationId, String replyToId, Activity activity);

    /** Replaces a message the bot sent earlier, e.g. a card after its form was submitted. */
    void update(String serviceUrl, String conversationId, String activityId, Activity activity);

    /**
     * Opens (or finds again: Teams keeps one per user) the bot's personal chat with a user, for proactive messages.
     *
     * @param botId  the bot's channel account id ({@code 28:<app id>})
     * @param userId the user's Teams id ({@code 29:…}) or Microsoft Entra object id
     * @return the conversation id ({@code a:…})
     */
    String createPersonalConversation(String serviceUrl, String tenantId, String botId, String userId);

    /**
     * One member of a conversation with their Entra identity, or empty when they aren't a member (a 404, or Teams'
     * {@code MemberNotFoundInConversation} error).
     */
    Optional<TeamsMember> member(String serviceUrl, String conversationId, String userId);
}
