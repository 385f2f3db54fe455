package dev.stepwise.slack.webapi;

/**
 * The parts of a Slack user ({@code users.info}) the adapter uses.
 *
 * @param email {@code null} when the app lacks {@code users:read.email} or the user has none
 * @param timeZone an IANA zone id such as {@code Europe/Berlin}, or {@code null}
 */
public record SlackUser(String id, String email, String realName, String timeZone, boolean deleted, boolean bot) {
}
