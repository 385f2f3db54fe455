package dev.stepwise.slack.install;

import static dev.stepwise.slack.install.TestInstalls.id;
import static dev.stepwise.slack.install.TestInstalls.orgWideInstall;
import static dev.stepwise.slack.install.TestInstalls.rows;
import static dev.stepwise.slack.install.TestInstalls.workspaceInstall;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.events.payload.AppUninstalledPayload;
import com.slack.api.app_backend.events.payload.TokensRevokedPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.builtin.DefaultAppUninstalledEventHandler;
import com.slack.api.bolt.handler.builtin.DefaultTokensRevokedEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenRevocationsTest {

    private final JdbcInstallationService installations = TestInstalls.service();
    private final TokenRevocations revocations = new TokenRevocations(installations);

    @Test
    void aRevokedUserTokenIsDeletedAndTheRestOfTheWorkspaceStays() throws Exception {
        String team = id("T");
        var revoked = workspaceInstall(null, team, id("U"), id("U"));
        var other = workspaceInstall(null, team, id("U"), revoked.getBotUserId());
        installations.saveInstallerAndBot(revoked);
        installations.saveInstallerAndBot(other);

        Response response = revocations.tokensRevokedHandler()
                .apply(tokensRevoked(null, team, List.of(revoked.getInstallerUserId()), null), new EventContext());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(installations.findInstaller(null, team, revoked.getInstallerUserId())).isNull();
        assertThat(installations.findInstaller(null, team, other.getInstallerUserId())).isNotNull();
        assertThat(installations.findBot(null, team).getBotAccessToken()).isEqualTo(other.getBotAccessToken());
    }

    @Test
    void aRevokedBotTokenIsDeletedAndUserTokensStay() throws Exception {
        String team = id("T");
        var install = workspaceInstall(null, team, id("U"), id("U"));
        installations.saveInstallerAndBot(install);

        revocations.tokensRevokedHandler()
                .apply(tokensRevoked(null, team, null, List.of(id("U"))), new EventContext());
        assertThat(installations.findBot(null, team)).as("another bot's revocation").isNotNull();

        revocations.tokensRevokedHandler()
                .apply(tokensRevoked(null, team, null, List.of(install.getBotUserId())), new EventContext());

        assertThat(installations.findBot(null, team)).isNull();
        assertThat(rows("slack_bots", "team_id", team)).isZero();
        assertThat(installations.findInstaller(null, team, install.getInstallerUserId()).getBotAccessToken()).isNull();
        assertThat(installations.findInstaller(null, team, install.getInstallerUserId()).getInstallerUserAccessToken())
                .isEqualTo(install.getInstallerUserAccessToken());
    }

    @Test
    void appUninstalledRemovesEverythingOfTheWorkspaceOnly() throws Exception {
        String team = id("T");
        String neighbour = id("T");
        var first = workspaceInstall(null, team, id("U"), id("U"));
        installations.saveInstallerAndBot(first);
        installations.saveInstallerAndBot(workspaceInstall(null, team, id("U"), first.getBotUserId()));
        installations.saveInstallerAndBot(workspaceInstall(null, neighbour, id("U"), id("U")));

        Response response = revocations.appUninstalledHandler().apply(appUninstalled(null, team), new EventContext());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(rows("slack_bots", "team_id", team)).isZero();
        assertThat(rows("slack_installations", "team_id", team)).isZero();
        assertThat(installations.findBot(null, team)).isNull();
        assertThat(rows("slack_bots", "team_id", neighbour)).isEqualTo(1);
        assertThat(rows("slack_installations", "team_id", neighbour)).isEqualTo(1);
    }

    @Test
    void uninstallingAnOrgWideInstallRemovesItButAWorkspaceLeavingTheOrgDoesNot() {
        String enterprise = id("E");
        String workspace = id("T");
        installations.saveInstallerAndBot(orgWideInstall(enterprise, id("U"), id("U")));
        installations.saveInstallerAndBot(workspaceInstall(enterprise, workspace, id("U"), id("U")));

        revocations.appUninstalled(enterprise, workspace);
        assertThat(rows("slack_bots", "team_id", workspace)).isZero();
        assertThat(installations.findBot(enterprise, workspace)).as("the org-wide install still serves it").isNotNull();

        revocations.appUninstalled(enterprise, null);
        assertThat(rows("slack_bots", "enterprise_id", enterprise)).isZero();
        assertThat(rows("slack_installations", "enterprise_id", enterprise)).isZero();
    }

    @Test
    void boltsOwnRevocationHandlersDeleteThroughThisStoreToo() throws Exception {
        var revoking = workspaceInstall(null, id("T"), id("U"), id("U"));
        var uninstalling = workspaceInstall(null, id("T"), id("U"), id("U"));
        installations.saveInstallerAndBot(revoking);
        installations.saveInstallerAndBot(uninstalling);
        ExecutorService executor = Executors.newSingleThreadExecutor();

        new DefaultTokensRevokedEventHandler(installations, executor).apply(tokensRevoked(null, revoking.getTeamId(),
                List.of(revoking.getInstallerUserId()), List.of(revoking.getBotUserId())), new EventContext());
        new DefaultAppUninstalledEventHandler(installations, executor)
                .apply(appUninstalled(null, uninstalling.getTeamId()), new EventContext());
        executor.shutdown();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        for (String team : List.of(revoking.getTeamId(), uninstalling.getTeamId())) {
            assertThat(rows("slack_bots", "team_id", team)).isZero();
            assertThat(rows("slack_installations", "team_id", team)).isZero();
        }
    }

    private static TokensRevokedPayload tokensRevoked(String enterpriseId, String teamId, List<String> userIds,
            List<String> botUserIds) {
        var tokens = new TokensRevokedEvent.Tokens();
        tokens.setOauth(userIds);
        tokens.setBot(botUserIds);
        var event = new TokensRevokedEvent();
        event.setTokens(tokens);
        var payload = new TokensRevokedPayload();
        payload.setEnterpriseId(enterpriseId);
        payload.setTeamId(teamId);
        payload.setEvent(event);
        return payload;
    }

    private static AppUninstalledPayload appUninstalled(String enterpriseId, String teamId) {
        var payload = new AppUninstalledPayload();
        payload.setEnterpriseId(enterpriseId);
        payload.setTeamId(teamId);
        payload.setEvent(new AppUninstalledEvent());
        return payload;
    }
}
