package dev.stepwise.teams.connector;

/**
 * A conversation member as the Bot Connector describes them. Any field but {@code id} may be null (guests and
 * anonymous users have no email or user principal name).
 *
 * @param id                their Teams id in this bot's conversations ({@code 29:…})
 * @param aadObjectId       their Microsoft Entra object id, stable across conversations
 * @param userPrincipalName their sign-in name, often but not always their email
 */
public record TeamsMember(String id, String aadObjectId, String name, String email, String userPrincipalName) {
}
