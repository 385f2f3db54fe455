package dev.stepwise.slack.install;

import com.slack.api.bolt.model.builtin.DefaultInstaller;
import dev.stepwise.core.testing.RealServers;
import dev.stepwise.core.testing.TestClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

// Fresh Slack ids and installs for tests, so tests sharing the database never meet.
final class TestInstalls {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Dates installs and the service's writes: from the base instant, a second on for each install. */
    static final TestClock CLOCK = TestClock.atBase();

    private TestInstalls() {
    }

    static String id(String prefix) {
        return prefix + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36).toUpperCase(Locale.ROOT);
    }

    static String token(String prefix) {
        return prefix + "-" + Math.abs(RANDOM.nextLong()) + "-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
    }

    static JdbcInstallationService service() {
        return new JdbcInstallationService(jdbc(), new TokenCipher(TokenCipherTest.randomKey()), CLOCK);
    }

    static JdbcClient jdbc() {
        return JdbcClient.create(RealServers.get().dataSource());
    }

    static DefaultInstaller workspaceInstall(String enterpriseId, String teamId, String userId, String botUserId) {
        return DefaultInstaller.builder()
                .appId("A0STEPWISE")
                .enterpriseId(enterpriseId)
                .teamId(teamId)
                .isEnterpriseInstall(false)
                .tokenType("bot")
                .installerUserId(userId)
                .installerUserScope("users:read")
                .installerUserAccessToken(token("xoxp"))
                .botId(id("B"))
                .botUserId(botUserId)
                .botScope("commands,chat:write,im:history")
                .botAccessToken(token("xoxb"))
                .incomingWebhookUrl("https://hooks.slack.com/services/" + id("T") + "/" + id("B") + "/secretpath")
                .installedAt(installedAt())
                .build();
    }

    /** A second after the previous install. */
    static long installedAt() {
        CLOCK.advance(Duration.ofSeconds(1));
        return CLOCK.millis();
    }

    static DefaultInstaller orgWideInstall(String enterpriseId, String userId, String botUserId) {
        DefaultInstaller installer = workspaceInstall(enterpriseId, null, userId, botUserId);
        installer.setIsEnterpriseInstall(true);
        installer.setEnterpriseUrl("https://example.enterprise.slack.com/");
        return installer;
    }

    static int rows(String table, String column, String value) {
        return jdbc().sql("select count(*) from " + table + " where " + column + " = ?").param(value)
                .query(Integer.class).single();
    }
}
