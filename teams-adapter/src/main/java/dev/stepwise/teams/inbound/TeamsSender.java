package dev.stepwise.teams.inbound;

/**
 * Who sent an activity, and where from: enough to look them up in the conversation's roster.
 *
 * @param userId      their Teams id in this bot's conversations ("29:…")
 * @param aadObjectId their Microsoft Entra (AAD) object id, stable across conversations
 */
public record TeamsSender(String userId, String aadObjectId, String name, String serviceUrl, String conversationId) {
}
