package dev.stepwise.slack;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Slack settings, under {@code stepwise.slack}. The adapter is on when a signing secret is set. With a bot
 * token it serves one workspace; with a client id and secret instead it serves any workspace that installs it
 * through OAuth (tokens kept encrypted with {@code tokenEncryptionKey}).
 *
 * @param signingSecret      verifies every request (Bolt's {@code SLACK_SIGNING_SECRET})
 * @param botToken           single-workspace mode ({@code SLACK_BOT_TOKEN})
 * @param appToken           Socket Mode ({@code SLACK_APP_TOKEN}, {@code xapp-…})
 * @param socketMode         receive events over Socket Mode instead of the request URL
 * @param clientId           multi-workspace OAuth ({@code SLACK_CLIENT_ID})
 * @param clientSecret       multi-workspace OAuth ({@code SLACK_CLIENT_SECRET})
 * @param tokenEncryptionKey base64 of 32 random bytes: encrypts installed tokens at rest
 * @param apiUrl             the Web API base URL (a local stand-in in tests)
 * @param command            the slash command's name
 * @param workers            how many events are worked on at once after their acknowledgement
 * @param queueCapacity      how many acknowledged events may wait for a worker; beyond it Slack is asked to retry (503)
 */
@ConfigurationProperties("stepwise.slack")
public record SlackProperties(String signingSecret, String botToken, String appToken,
                              @DefaultValue("false") boolean socketMode,
                              String clientId, String clientSecret, String tokenEncryptionKey,
                              @DefaultValue("https://slack.com/api/") String apiUrl,
                              @DefaultValue("/stepwise") String command,
                              @DefaultValue({"app_mentions:read", "channels:history", "chat:write", "commands",
                                      "groups:history", "im:history", "im:read", "im:write", "users:read",
                                      "users:read.email"}) List<String> scopes,
                              @DefaultValue("/slack/install") String installPath,
                              @DefaultValue("/slack/oauth_redirect") String redirectPath,
                              String installCompletionUrl,
                              @DefaultValue("16") int workers,
                              @DefaultValue("10000") int queueCapacity,
                              @DefaultValue("5m") Duration replayWindow) {

    public boolean multiWorkspace() {
        return !hasText(botToken) && hasText(clientId) && hasText(clientSecret);
    }

    static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
