package dev.stepwise.slack.install;

import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import java.util.Collection;
import java.util.List;

/**
 * Forgets stored Slack tokens when Slack says they are gone: {@code tokens_revoked} (user ids and bot user ids of
 * one workspace or org) and {@code app_uninstalled} (everything of that workspace or org).
 *
 * <p>Register the handlers with {@code app.event(TokensRevokedEvent.class, revocations.tokensRevokedHandler())}
 * and {@code app.event(AppUninstalledEvent.class, revocations.appUninstalledHandler())}. Unlike Bolt's
 * {@code App#enableTokenRevocationHandlers()}, which deletes in the background and only logs failures, these
 * delete before acknowledging, so a failure answers Slack with an error and Slack retries the event. Either way
 * the deleting is done by the {@link InstallationService}.
 */
public class TokenRevocations {

    private final InstallationService installations;

    public TokenRevocations(InstallationService installations) {
        this.installations = installations;
    }

    /**
     * Deletes the user tokens of {@code userIds}, and the bot token if {@code botUserIds} names the bot that serves
     * the workspace (its own or the org-wide one).
     */
    public void tokensRevoked(String enterpriseId, String teamId, Collection<String> userIds,
            Collection<String> botUserIds) {
        try {
            for (String userId : userIds) {
                Installer installer = installations.findInstaller(enterpriseId, teamId, userId);
                if (installer != null) {
                    installations.deleteInstaller(installer);
                }
            }
            if (!botUserIds.isEmpty()) {
                Bot bot = installations.findBot(enterpriseId, teamId);
                if (bot != null && (bot.getBotUserId() == null || botUserIds.contains(bot.getBotUserId()))) {
                    installations.deleteBot(bot);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not delete the revoked Slack tokens of enterprise " + enterpriseId
                    + " team " + teamId, e);
        }
    }

    /** Deletes every bot and user token of the workspace, or of the org-wide install if {@code teamId} is null. */
    public void appUninstalled(String enterpriseId, String teamId) {
        installations.deleteAll(enterpriseId, teamId);
    }

    public BoltEventHandler<TokensRevokedEvent> tokensRevokedHandler() {
        return (payload, context) -> {
            TokensRevokedEvent.Tokens tokens = payload.getEvent().getTokens();
            tokensRevoked(payload.getEnterpriseId(), payload.getTeamId(),
                    tokens == null ? List.of() : orEmpty(tokens.getOauth()),
                    tokens == null ? List.of() : orEmpty(tokens.getBot()));
            return context.ack();
        };
    }

    public BoltEventHandler<AppUninstalledEvent> appUninstalledHandler() {
        return (payload, context) -> {
            appUninstalled(payload.getEnterpriseId(), payload.getTeamId());
            return context.ack();
        };
    }

    private static List<String> orEmpty(List<String> ids) {
        return ids == null ? List.of() : ids;
    }
}
