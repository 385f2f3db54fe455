package dev.stepwise.slack.install;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.bolt.util.JsonOps;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bolt's installation store in PostgreSQL ({@code slack_bots} and {@code slack_installations}), with every token
 * encrypted by a {@link TokenCipher} and bound to its row.
 *
 * <p>Only the latest bot per workspace or org and the latest installer per user are kept, so
 * {@link #isHistoricalDataEnabled()} is always false. The bot token lives only in {@code slack_bots}; an
 * {@link Installer} found here carries the current bot token of its own workspace or org, if it still has one.
 *
 * <p>Lookups by team id fall back to the org-wide (Enterprise Grid) install of the given enterprise, which serves
 * every workspace of that enterprise; a workspace's own install wins over the org-wide one.
 *
 * <p>Bolt's {@code App#enableTokenRevocationHandlers()} calls {@link #findBot} + {@link #deleteBot} and
 * {@link #findInstaller} + {@link #deleteInstaller} for {@code tokens_revoked}, and {@link #deleteAll} for
 * {@code app_uninstalled}; {@link TokenRevocations} does the same for adapters that register their own handlers.
 */
public class JdbcInstallationService implements InstallationService {

    private static final Logger log = LoggerFactory.getLogger(JdbcInstallationService.class);

    private static final String UPSERT_BOT = """
            insert into slack_bots (enterprise_id, team_id, is_enterprise_install, app_id, bot_id, bot_user_id,
                                    bot_scopes, bot_token_expires_at, installed_at, encrypted_json)
            values (:botEnterpriseId, :botTeamId, :botEnterpriseInstall, :botAppId, :botId, :botUserId, :botScopes,
                    :botExpiresAt, :botInstalledAt, :botSealed)
            on conflict (enterprise_id, team_id) do update set
                is_enterprise_install = excluded.is_enterprise_install, app_id = excluded.app_id,
                bot_id = excluded.bot_id, bot_user_id = excluded.bot_user_id, bot_scopes = excluded.bot_scopes,
                bot_token_expires_at = excluded.bot_token_expires_at, installed_at = excluded.installed_at,
                encrypted_json = excluded.encrypted_json, updated_at = :botUpdatedAt""";

    private static final String UPSERT_INSTALLER = """
            insert into slack_installations (enterprise_id, team_id, user_id, is_enterprise_install, app_id,
                                             user_scopes, user_token_expires_at, bot_user_id, bot_scopes,
                                             installed_at, encrypted_json)
            values (:enterpriseId, :teamId, :userId, :enterpriseInstall, :appId, :userScopes, :expiresAt,
                    :installerBotUserId, :installerBotScopes, :installedAt, :sealed)
            on conflict (enterprise_id, team_id, user_id) do update set
                is_enterprise_install = excluded.is_enterprise_install, app_id = excluded.app_id,
                user_scopes = excluded.user_scopes, user_token_expires_at = excluded.user_token_expires_at,
                bot_user_id = excluded.bot_user_id, bot_scopes = excluded.bot_scopes,
                installed_at = excluded.installed_at, encrypted_json = excluded.encrypted_json,
                updated_at = :updatedAt""";

    private final JdbcClient jdbc;
    private final TokenCipher cipher;
    private final Clock clock;

    /** @param clock when an install Slack didn't date was made, and when a row last changed */
    public JdbcInstallationService(JdbcClient jdbc, TokenCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    /** Historical data is not kept; asking for it fails rather than silently keeping only the latest. */
    @Override
    public void setHistoricalDataEnabled(boolean enabled) {
        if (enabled) {
            throw new UnsupportedOperationException("JdbcInstallationService keeps only the latest installation");
        }
    }

    /**
     * Saves the bot (if the install has a bot token) and the installing user (if there is one) in one statement,
     * so either both are saved or neither.
     */
    @Override
    public void saveInstallerAndBot(Installer installer) {
        if (installer.getBotAccessToken() != null && installer.getInstallerUserId() != null) {
            Map<String, Object> params = new HashMap<>(botParams(installer.toBot()));
            params.putAll(installerParams(installer));
            jdbc.sql("with saved_bot as (" + UPSERT_BOT + ") " + UPSERT_INSTALLER).params(params).update();
        } else if (installer.getBotAccessToken() != null) {
            saveBot(installer.toBot());
        } else if (installer.getInstallerUserId() != null) {
            jdbc.sql(UPSERT_INSTALLER).params(installerParams(installer)).update();
        }
    }

    @Override
    public void saveBot(Bot bot) {
        jdbc.sql(UPSERT_BOT).params(botParams(bot)).update();
    }

    private Map<String, Object> botParams(Bot given) {
        DefaultBot bot = JsonOps.fromJson(JsonOps.toJsonString(given), DefaultBot.class);
        if (bot.getBotScope() == null) {
            bot.setBotScope(bot.getScope()); // DefaultInstaller#toBot() fills only "scope"
        }
        Map<String, Object> params = new HashMap<>();
        params.put("botEnterpriseId", bot.getEnterpriseId());
        params.put("botTeamId", bot.getTeamId());
        params.put("botEnterpriseInstall", Boolean.TRUE.equals(bot.getIsEnterpriseInstall()));
        params.put("botAppId", bot.getAppId());
        params.put("botId", bot.getBotId());
        params.put("botUserId", bot.getBotUserId());
        params.put("botScopes", bot.getBotScope());
        params.put("botExpiresAt", timestamp(bot.getBotTokenExpiresAt()));
        params.put("botInstalledAt", installedAt(bot.getInstalledAt()));
        params.put("botUpdatedAt", now());
        params.put("botSealed",
                cipher.seal(JsonOps.toJsonString(bot), botBinding(bot.getEnterpriseId(), bot.getTeamId())));
        return params;
    }

    private Map<String, Object> installerParams(Installer installer) {
        DefaultInstaller withoutBotToken = JsonOps.fromJson(JsonOps.toJsonString(installer), DefaultInstaller.class);
        withoutBotToken.setBotAccessToken(null);
        withoutBotToken.setBotRefreshToken(null);
        withoutBotToken.setBotTokenExpiresAt(null);
        String binding = installerBinding(
                installer.getEnterpriseId(), installer.getTeamId(), installer.getInstallerUserId());
        Map<String, Object> params = new HashMap<>();
        params.put("enterpriseId", installer.getEnterpriseId());
        params.put("teamId", installer.getTeamId());
        params.put("userId", installer.getInstallerUserId());
        params.put("enterpriseInstall", Boolean.TRUE.equals(installer.getIsEnterpriseInstall()));
        params.put("appId", installer.getAppId());
        params.put("userScopes", installer.getInstallerUserScope());
        params.put("expiresAt", timestamp(installer.getInstallerUserTokenExpiresAt()));
        params.put("installerBotUserId", installer.getBotUserId());
        params.put("installerBotScopes", installer.getBotScope());
        params.put("installedAt", installedAt(installer.getInstalledAt()));
        params.put("updatedAt", now());
        params.put("sealed", cipher.seal(JsonOps.toJsonString(withoutBotToken), binding));
        return params;
    }

    @Override
    public void deleteBot(Bot bot) {
        int deleted = jdbc.sql("""
                        delete from slack_bots
                        where enterprise_id is not distinct from :enterpriseId
                          and team_id is not distinct from :teamId""")
                .param("enterpriseId", bot.getEnterpriseId())
                .param("teamId", bot.getTeamId())
                .update();
        log.info("Deleted {} Slack bot token(s) of enterprise {} team {}",
                deleted, bot.getEnterpriseId(), bot.getTeamId());
    }

    @Override
    public void deleteInstaller(Installer installer) {
        int deleted = jdbc.sql("""
                        delete from slack_installations
                        where enterprise_id is not distinct from :enterpriseId
                          and team_id is not distinct from :teamId and user_id = :userId""")
                .param("enterpriseId", installer.getEnterpriseId())
                .param("teamId", installer.getTeamId())
                .param("userId", installer.getInstallerUserId())
                .update();
        log.info("Deleted {} Slack user token(s) of enterprise {} team {} user {}", deleted,
                installer.getEnterpriseId(), installer.getTeamId(), installer.getInstallerUserId());
    }

    /**
     * Deletes the bot and every installer of a workspace ({@code teamId} given, whatever enterprise it was saved
     * under), or of an org-wide install ({@code teamId} null). An org-wide install is not removed when only one of
     * its workspaces uninstalls.
     */
    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        if (teamId == null && enterpriseId == null) {
            return;
        }
        if (teamId != null) {
            jdbc.sql("""
                            with bots as (delete from slack_bots where team_id = :teamId)
                            delete from slack_installations where team_id = :teamId""")
                    .param("teamId", teamId).update();
        } else {
            jdbc.sql("""
                            with bots as (
                                delete from slack_bots where team_id is null and enterprise_id = :enterpriseId)
                            delete from slack_installations where team_id is null and enterprise_id = :enterpriseId""")
                    .param("enterpriseId", enterpriseId).update();
        }
        log.info("Deleted all Slack installation data of enterprise {} team {}", enterpriseId, teamId);
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        return jdbc.sql("""
                        select enterprise_id, team_id, encrypted_json from slack_bots
                        where team_id = :teamId or (team_id is null and enterprise_id = :enterpriseId)
                        order by team_id is null, installed_at desc
                        limit 1""")
                .param("enterpriseId", enterpriseId)
                .param("teamId", teamId)
                .query((rs, row) -> openBot(rs.getString("enterprise_id"), rs.getString("team_id"),
                        rs.getBytes("encrypted_json")))
                .optional().orElse(null);
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        Optional<DefaultInstaller> found = jdbc.sql("""
                        select enterprise_id, team_id, user_id, encrypted_json from slack_installations
                        where user_id = :userId
                          and (team_id = :teamId or (team_id is null and enterprise_id = :enterpriseId))
                        order by team_id is null, installed_at desc
                        limit 1""")
                .param("enterpriseId", enterpriseId)
                .param("teamId", teamId)
                .param("userId", userId)
                .query((rs, row) -> openInstaller(rs.getString("enterprise_id"), rs.getString("team_id"),
                        rs.getString("user_id"), rs.getBytes("encrypted_json")))
                .optional();
        found.ifPresent(installer -> findOwnBot(installer.getEnterpriseId(), installer.getTeamId()).ifPresent(bot -> {
            installer.setBotAccessToken(bot.getBotAccessToken());
            installer.setBotRefreshToken(bot.getBotRefreshToken());
            installer.setBotTokenExpiresAt(bot.getBotTokenExpiresAt());
        }));
        return found.orElse(null);
    }

    private Optional<Bot> findOwnBot(String enterpriseId, String teamId) {
        return jdbc.sql("""
                        select encrypted_json from slack_bots
                        where enterprise_id is not distinct from :enterpriseId
                          and team_id is not distinct from :teamId""")
                .param("enterpriseId", enterpriseId)
                .param("teamId", teamId)
                .query((rs, row) -> openBot(enterpriseId, teamId, rs.getBytes("encrypted_json")))
                .optional();
    }

    private Bot openBot(String enterpriseId, String teamId, byte[] sealed) {
        DefaultBot bot = parse(cipher.open(sealed, botBinding(enterpriseId, teamId)), DefaultBot.class);
        bot.setEnterpriseId(enterpriseId);
        bot.setTeamId(teamId);
        return bot;
    }

    private DefaultInstaller openInstaller(String enterpriseId, String teamId, String userId, byte[] sealed) {
        String json = cipher.open(sealed, installerBinding(enterpriseId, teamId, userId));
        DefaultInstaller installer = parse(json, DefaultInstaller.class);
        installer.setEnterpriseId(enterpriseId);
        installer.setTeamId(teamId);
        installer.setInstallerUserId(userId);
        return installer;
    }

    // what a row's ciphertext is bound to; Slack ids never contain '/' and are never '-'
    private static String botBinding(String enterpriseId, String teamId) {
        return "slack_bots/" + orDash(enterpriseId) + "/" + orDash(teamId);
    }

    private static String installerBinding(String enterpriseId, String teamId, String userId) {
        return "slack_installations/" + orDash(enterpriseId) + "/" + orDash(teamId) + "/" + orDash(userId);
    }

    private static String orDash(String id) {
        return id == null ? "-" : id;
    }

    private static <T> T parse(String json, Class<T> type) {
        try {
            return JsonOps.fromJson(json, type);
        } catch (RuntimeException e) {
            // no cause: parser messages may quote the token-bearing JSON
            throw new IllegalStateException(
                    "A stored Slack installation is not valid " + type.getSimpleName() + " JSON");
        }
    }

    private OffsetDateTime installedAt(Long epochMillis) {
        return epochMillis != null ? timestamp(epochMillis) : now();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime timestamp(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC);
    }
}
