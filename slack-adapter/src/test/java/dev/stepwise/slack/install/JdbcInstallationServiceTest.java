package dev.stepwise.slack.install;

import static dev.stepwise.slack.install.TestInstalls.id;
import static dev.stepwise.slack.install.TestInstalls.jdbc;
import static dev.stepwise.slack.install.TestInstalls.orgWideInstall;
import static dev.stepwise.slack.install.TestInstalls.rows;
import static dev.stepwise.slack.install.TestInstalls.token;
import static dev.stepwise.slack.install.TestInstalls.workspaceInstall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class JdbcInstallationServiceTest {

    private final String key = TokenCipherTest.randomKey();
    private final JdbcInstallationService installations = new JdbcInstallationService(jdbc(), new TokenCipher(key), TestInstalls.CLOCK);

    @Test
    void aWorkspaceInstallIsFoundAgainWithItsBotAndUserTokens() {
        String team = id("T");
        DefaultInstaller install = workspaceInstall(null, team, id("U"), id("U"));

        installations.saveInstallerAndBot(install);

        Bot bot = installations.findBot(null, team);
        assertThat(bot.getBotAccessToken()).isEqualTo(install.getBotAccessToken());
        assertThat(bot.getBotUserId()).isEqualTo(install.getBotUserId());
        assertThat(bot.getBotId()).isEqualTo(install.getBotId());
        assertThat(bot.getBotScope()).isEqualTo("commands,chat:write,im:history");
        assertThat(bot.getAppId()).isEqualTo("A0STEPWISE");
        assertThat(bot.getTeamId()).isEqualTo(team);
        assertThat(bot.getEnterpriseId()).isNull();
        assertThat(bot.getInstalledAt()).isEqualTo(install.getInstalledAt());

        Installer installer = installations.findInstaller(null, team, install.getInstallerUserId());
        assertThat(installer.getInstallerUserAccessToken()).isEqualTo(install.getInstallerUserAccessToken());
        assertThat(installer.getInstallerUserScope()).isEqualTo("users:read");
        assertThat(installer.getBotAccessToken()).isEqualTo(install.getBotAccessToken());
        assertThat(installer.getIncomingWebhookUrl()).isEqualTo(install.getIncomingWebhookUrl());

        assertThat(installations.findBot(null, id("T"))).isNull();
        assertThat(installations.findInstaller(null, team, id("U"))).isNull();
        assertThat(installations.findInstaller(null, id("T"), install.getInstallerUserId())).isNull();
    }

    @Test
    void anOrgWideInstallServesEveryTeamOfItsEnterpriseButAWorkspacesOwnInstallWins() {
        String enterprise = id("E");
        DefaultInstaller orgWide = orgWideInstall(enterprise, id("U"), id("U"));
        installations.saveInstallerAndBot(orgWide);

        for (String anyTeam : List.of(id("T"), id("T"))) {
            Bot bot = installations.findBot(enterprise, anyTeam);
            assertThat(bot.getBotAccessToken()).isEqualTo(orgWide.getBotAccessToken());
            assertThat(bot.getIsEnterpriseInstall()).isTrue();
            assertThat(bot.getTeamId()).isNull();
            assertThat(installations.findInstaller(enterprise, anyTeam, orgWide.getInstallerUserId())
                    .getInstallerUserAccessToken()).isEqualTo(orgWide.getInstallerUserAccessToken());
        }
        assertThat(installations.findBot(enterprise, null).getBotAccessToken()).isEqualTo(orgWide.getBotAccessToken());
        assertThat(installations.findBot(id("E"), id("T"))).as("another enterprise").isNull();
        assertThat(installations.findBot(null, id("T"))).as("outside any enterprise").isNull();

        String ownTeam = id("T");
        DefaultInstaller own = workspaceInstall(enterprise, ownTeam, id("U"), id("U"));
        installations.saveInstallerAndBot(own);
        assertThat(installations.findBot(enterprise, ownTeam).getBotAccessToken()).isEqualTo(own.getBotAccessToken());
        assertThat(installations.findBot(enterprise, id("T")).getBotAccessToken())
                .isEqualTo(orgWide.getBotAccessToken());
    }

    @Test
    void aReinstallReplacesTheBotTokenAndKeepsOneRowPerWorkspaceAndUser() {
        String team = id("T");
        String botUser = id("U");
        DefaultInstaller first = workspaceInstall(null, team, id("U"), botUser);
        DefaultInstaller byAnotherUser = workspaceInstall(null, team, id("U"), botUser);
        DefaultInstaller again = workspaceInstall(null, team, first.getInstallerUserId(), botUser);

        installations.saveInstallerAndBot(first);
        installations.saveInstallerAndBot(byAnotherUser);
        assertThat(installations.findBot(null, team).getBotAccessToken()).isEqualTo(byAnotherUser.getBotAccessToken());
        assertThat(installations.findInstaller(null, team, first.getInstallerUserId()).getBotAccessToken())
                .as("an installer carries the workspace's current bot token")
                .isEqualTo(byAnotherUser.getBotAccessToken());

        installations.saveInstallerAndBot(again);
        assertThat(installations.findBot(null, team).getBotAccessToken()).isEqualTo(again.getBotAccessToken());
        assertThat(installations.findInstaller(null, team, first.getInstallerUserId()).getInstallerUserAccessToken())
                .isEqualTo(again.getInstallerUserAccessToken());
        assertThat(rows("slack_bots", "team_id", team)).isEqualTo(1);
        assertThat(rows("slack_installations", "team_id", team)).isEqualTo(2);
    }

    @Test
    void anOrgWideReinstallAlsoReplacesItsSingleRow() {
        String enterprise = id("E");
        installations.saveInstallerAndBot(orgWideInstall(enterprise, id("U"), id("U")));
        DefaultInstaller again = orgWideInstall(enterprise, id("U"), id("U"));
        installations.saveInstallerAndBot(again);

        assertThat(rows("slack_bots", "enterprise_id", enterprise)).isEqualTo(1);
        assertThat(installations.findBot(enterprise, id("T")).getBotAccessToken()).isEqualTo(again.getBotAccessToken());
    }

    @Test
    void aRotatedBotTokenIsSavedWithItsRefreshTokenAndExpiry() {
        String team = id("T");
        installations.saveInstallerAndBot(workspaceInstall(null, team, id("U"), id("U")));
        Bot bot = installations.findBot(null, team);
        long expiresAt = Instant.parse("2031-01-02T03:04:05Z").toEpochMilli();
        bot.setBotAccessToken(token("xoxe.xoxb-1"));
        bot.setBotRefreshToken(token("xoxe-1"));
        bot.setBotTokenExpiresAt(expiresAt);

        installations.saveBot(bot);

        Bot rotated = installations.findBot(null, team);
        assertThat(rotated.getBotAccessToken()).isEqualTo(bot.getBotAccessToken());
        assertThat(rotated.getBotRefreshToken()).isEqualTo(bot.getBotRefreshToken());
        assertThat(rotated.getBotTokenExpiresAt()).isEqualTo(expiresAt);
        assertThat(jdbc().sql("select bot_token_expires_at from slack_bots where team_id = ?").param(team)
                .query(OffsetDateTime.class).single().toInstant()).isEqualTo(Instant.ofEpochMilli(expiresAt));
    }

    @Test
    void anInstallSlackDidNotDateIsDatedByTheClockAsIsEveryWrite() {
        String team = id("T");
        DefaultInstaller install = workspaceInstall(null, team, id("U"), id("U"));
        install.setInstalledAt(null);
        TestInstalls.CLOCK.advance(Duration.ofMinutes(5));

        installations.saveInstallerAndBot(install);

        Instant now = TestInstalls.CLOCK.instant();
        for (String table : List.of("slack_bots", "slack_installations")) {
            assertThat(jdbc().sql("select installed_at from " + table + " where team_id = ?").param(team)
                    .query(OffsetDateTime.class).single().toInstant()).as(table).isEqualTo(now);
        }
        TestInstalls.CLOCK.advance(Duration.ofMinutes(1));
        installations.saveBot(installations.findBot(null, team));
        assertThat(jdbc().sql("select updated_at from slack_bots where team_id = ?").param(team)
                .query(OffsetDateTime.class).single().toInstant()).isEqualTo(TestInstalls.CLOCK.instant());
    }

    @Test
    void anInstallWithoutABotTokenKeepsTheWorkspacesBot() {
        String team = id("T");
        DefaultInstaller withBot = workspaceInstall(null, team, id("U"), id("U"));
        DefaultInstaller userOnly = workspaceInstall(null, team, id("U"), null);
        userOnly.setBotAccessToken(null);
        installations.saveInstallerAndBot(withBot);

        installations.saveInstallerAndBot(userOnly);

        assertThat(installations.findBot(null, team).getBotAccessToken()).isEqualTo(withBot.getBotAccessToken());
        assertThat(installations.findInstaller(null, team, userOnly.getInstallerUserId()).getInstallerUserAccessToken())
                .isEqualTo(userOnly.getInstallerUserAccessToken());
    }

    @Test
    void noTokenIsReadableInTheDatabase() {
        String team = id("T");
        DefaultInstaller install = workspaceInstall(null, team, id("U"), id("U"));
        install.setBotRefreshToken(token("xoxe-1"));
        install.setInstallerUserRefreshToken(token("xoxe-1"));
        installations.saveInstallerAndBot(install);
        List<String> secrets = List.of(install.getBotAccessToken(), install.getBotRefreshToken(),
                install.getInstallerUserAccessToken(), install.getInstallerUserRefreshToken(),
                install.getIncomingWebhookUrl());

        for (String table : List.of("slack_bots", "slack_installations")) {
            String rowAsText = jdbc().sql("select row_to_json(r)::text from " + table + " r where team_id = ?")
                    .param(team).query(String.class).single();
            byte[] ciphertext = jdbc().sql("select encrypted_json from " + table + " where team_id = ?")
                    .param(team).query(byte[].class).single();
            String ciphertextAsText = new String(ciphertext, StandardCharsets.ISO_8859_1);
            assertThat(rowAsText).contains(team).doesNotContain("xox", "secretpath");
            for (String secret : secrets) {
                assertThat(rowAsText).doesNotContain(secret);
                assertThat(ciphertextAsText).doesNotContain(secret);
            }
        }
    }

    @Test
    void aCiphertextMovedToAnotherRowDoesNotDecrypt() {
        DefaultInstaller victim = workspaceInstall(null, id("T"), id("U"), id("U"));
        DefaultInstaller attacker = workspaceInstall(null, id("T"), id("U"), id("U"));
        installations.saveInstallerAndBot(victim);
        installations.saveInstallerAndBot(attacker);

        jdbc().sql("""
                        update slack_bots
                        set encrypted_json = (select encrypted_json from slack_bots where team_id = :from)
                        where team_id = :to""")
                .param("from", victim.getTeamId()).param("to", attacker.getTeamId()).update();
        jdbc().sql("""
                        update slack_installations
                        set encrypted_json = (select encrypted_json from slack_installations where team_id = :from)
                        where team_id = :to""")
                .param("from", victim.getTeamId()).param("to", attacker.getTeamId()).update();

        assertThatThrownBy(() -> installations.findBot(null, attacker.getTeamId()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(victim.getBotAccessToken());
        assertThatThrownBy(() -> installations.findInstaller(null, attacker.getTeamId(), attacker.getInstallerUserId()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(victim.getInstallerUserAccessToken());
        assertThat(installations.findBot(null, victim.getTeamId()).getBotAccessToken())
                .isEqualTo(victim.getBotAccessToken());
    }

    @Test
    void aCiphertextMovedToAnotherUserOfTheSameWorkspaceDoesNotDecrypt() {
        String team = id("T");
        DefaultInstaller victim = workspaceInstall(null, team, id("U"), id("U"));
        DefaultInstaller attacker = workspaceInstall(null, team, id("U"), victim.getBotUserId());
        installations.saveInstallerAndBot(victim);
        installations.saveInstallerAndBot(attacker);

        jdbc().sql("""
                        update slack_installations
                        set encrypted_json = (select encrypted_json from slack_installations where user_id = :from)
                        where user_id = :to""")
                .param("from", victim.getInstallerUserId()).param("to", attacker.getInstallerUserId()).update();

        assertThatThrownBy(() -> installations.findInstaller(null, team, attacker.getInstallerUserId()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theWrongKeyFailsWithAClearMessage() {
        DefaultInstaller install = workspaceInstall(null, id("T"), id("U"), id("U"));
        installations.saveInstallerAndBot(install);
        String otherKey = TokenCipherTest.randomKey();
        var withOtherKey = new JdbcInstallationService(jdbc(), new TokenCipher(otherKey), TestInstalls.CLOCK);

        assertThatThrownBy(() -> withOtherKey.findBot(null, install.getTeamId()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not be decrypted")
                .hasMessageContaining("stepwise.slack.token-encryption-key")
                .hasMessageNotContaining(key)
                .hasMessageNotContaining(otherKey)
                .hasMessageNotContaining(install.getBotAccessToken());
    }

    @Test
    void deleteBotRemovesTheBotTokenEverywhereButKeepsUserTokens() {
        String team = id("T");
        DefaultInstaller install = workspaceInstall(null, team, id("U"), id("U"));
        installations.saveInstallerAndBot(install);

        installations.deleteBot(installations.findBot(null, team));

        assertThat(installations.findBot(null, team)).isNull();
        assertThat(rows("slack_bots", "team_id", team)).isZero();
        Installer installer = installations.findInstaller(null, team, install.getInstallerUserId());
        assertThat(installer.getInstallerUserAccessToken()).isEqualTo(install.getInstallerUserAccessToken());
        assertThat(installer.getBotAccessToken()).as("no copy of the bot token is left").isNull();
    }

    @Test
    void deleteInstallerRemovesOnlyThatUsersToken() {
        String team = id("T");
        DefaultInstaller leaving = workspaceInstall(null, team, id("U"), id("U"));
        DefaultInstaller staying = workspaceInstall(null, team, id("U"), leaving.getBotUserId());
        installations.saveInstallerAndBot(leaving);
        installations.saveInstallerAndBot(staying);

        installations.deleteInstaller(installations.findInstaller(null, team, leaving.getInstallerUserId()));

        assertThat(installations.findInstaller(null, team, leaving.getInstallerUserId())).isNull();
        assertThat(rows("slack_installations", "user_id", leaving.getInstallerUserId())).isZero();
        assertThat(installations.findInstaller(null, team, staying.getInstallerUserId())).isNotNull();
        assertThat(installations.findBot(null, team).getBotAccessToken()).isEqualTo(staying.getBotAccessToken());
    }

    @Test
    void keepsNoHistory() {
        assertThat(installations.isHistoricalDataEnabled()).isFalse();
        installations.setHistoricalDataEnabled(false);
        assertThatThrownBy(() -> installations.setHistoricalDataEnabled(true))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
