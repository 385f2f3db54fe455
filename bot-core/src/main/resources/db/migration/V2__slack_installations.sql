-- Slack app installations, one set per workspace or Enterprise Grid org, kept for Bolt for Java's
-- InstallationService (slack-adapter: dev.stepwise.slack.install.JdbcInstallationService).
--
-- Tokens are never stored in clear: encrypted_json is the Bolt Bot / Installer as JSON, sealed with
-- AES-256-GCM by the adapter (key: stepwise.slack.token-encryption-key) and bound to the row's ids, so a value
-- copied to another row does not decrypt. The other columns are plain lookup and audit data, never secrets.
--
-- enterprise_id is null outside Enterprise Grid; team_id is null for an org-wide Grid install, which serves
-- every workspace of its enterprise. Only the latest install is kept, hence the null-aware unique keys.

-- The bot token of a workspace (or org), the one the app acts with.
create table slack_bots (
    enterprise_id         text,
    team_id               text,
    is_enterprise_install boolean not null,
    app_id                text,
    bot_id                text,
    bot_user_id           text,
    bot_scopes            text,
    bot_token_expires_at  timestamptz,          -- set only when token rotation is on
    installed_at          timestamptz not null,
    updated_at            timestamptz not null default now(),
    encrypted_json        bytea not null,       -- bot token and refresh token
    constraint slack_bots_key unique nulls not distinct (enterprise_id, team_id),
    check (is_enterprise_install = (team_id is null)),
    check (enterprise_id is not null or team_id is not null)
);

-- One row per user who installed the app (user token, user scopes); the bot token is in slack_bots only,
-- so deleting a bot leaves no copy of its token behind.
create table slack_installations (
    enterprise_id         text,
    team_id               text,
    user_id               text not null,
    is_enterprise_install boolean not null,
    app_id                text,
    user_scopes           text,
    user_token_expires_at timestamptz,          -- set only when token rotation is on
    bot_user_id           text,
    bot_scopes            text,
    installed_at          timestamptz not null,
    updated_at            timestamptz not null default now(),
    encrypted_json        bytea not null,       -- user token, refresh token, incoming webhook URL
    constraint slack_installations_key unique nulls not distinct (enterprise_id, team_id, user_id),
    check (is_enterprise_install = (team_id is null)),
    check (enterprise_id is not null or team_id is not null)
);

-- Workspace lookups go by team id alone (team ids are unique across Slack); org-wide ones by enterprise id.
create index slack_bots_team on slack_bots (team_id);
create index slack_installations_team_user on slack_installations (team_id, user_id);
create index slack_installations_enterprise_user on slack_installations (enterprise_id, user_id)
    where team_id is null;
