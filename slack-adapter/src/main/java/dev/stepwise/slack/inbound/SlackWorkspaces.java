package dev.stepwise.slack.inbound;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.service.InstallationService;
import dev.stepwise.core.organisation.ChannelIdentity;
import dev.stepwise.core.organisation.Organisation;
import dev.stepwise.core.organisation.Organisations;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which Stepwise organisation a Slack workspace (team id) or Enterprise Grid org (enterprise id) is, and the
 * bot token to message its people with outside a request: the configured one in single-workspace mode, the
 * installed one otherwise.
 */
public class SlackWorkspaces {

    static final String PLATFORM = "slack";

    private final Organisations organisations;
    private final String singleWorkspaceToken;
    private final InstallationService installations;

    /** @param singleWorkspaceToken the bot token in single-workspace mode, else null (then {@code installations} is used) */
    public SlackWorkspaces(Organisations organisations, String singleWorkspaceToken, InstallationService installations) {
        this.organisations = organisations;
        this.singleWorkspaceToken = singleWorkspaceToken;
        this.installations = installations;
    }

    public Optional<Organisation> organisationOf(String enterpriseId, String teamId) {
        Optional<Organisation> byTeam = teamId == null ? Optional.empty()
                : organisations.findByIdentity(new ChannelIdentity(PLATFORM, "team", teamId));
        if (byTeam.isPresent() || enterpriseId == null) {
            return byTeam;
        }
        return organisations.findByIdentity(new ChannelIdentity(PLATFORM, "enterprise", enterpriseId));
    }

    public boolean isOnSlack(UUID organisationId) {
        return !organisations.identities(organisationId, PLATFORM).isEmpty();
    }

    /** The bot token for reaching the organisation's people without a request in hand. */
    public Optional<String> botToken(UUID organisationId) {
        if (singleWorkspaceToken != null) {
            return isOnSlack(organisationId) ? Optional.of(singleWorkspaceToken) : Optional.empty();
        }
        List<ChannelIdentity> identities = organisations.identities(organisationId, PLATFORM);
        String enterprise = identities.stream().filter(i -> i.kind().equals("enterprise")).map(ChannelIdentity::externalId)
                .findFirst().orElse(null);
        for (ChannelIdentity identity : identities) {
            if (identity.kind().equals("team")) {
                Optional<String> token = tokenOf(installations.findBot(enterprise, identity.externalId()));
                if (token.isPresent()) {
                    return token;
                }
            }
        }
        return enterprise == null ? Optional.empty() : tokenOf(installations.findBot(enterprise, null));
    }

    private static Optional<String> tokenOf(Bot bot) {
        return Optional.ofNullable(bot).map(Bot::getBotAccessToken);
    }
}
