-- Where the Teams bot can talk to people later (proactive messages: feedback arriving, nudges), kept by the
-- teams-adapter (dev.stepwise.teams.outbound.ConversationReferences). Teams gives the bot a conversation when
-- it is installed for a person (personal scope) or in a team or group chat; the Bot Connector at service_url
-- takes messages for that conversation. No secrets here: the bot authenticates with its own token.
--
-- tenant_id is the Teams tenant (an organisation's identity of kind 'tenant'); user_aad_object_id is set for
-- personal conversations and is how a person (person_identities, platform 'teams') is reached.
create table teams_conversations (
    conversation_id     text primary key,
    tenant_id           text not null,
    conversation_type   text not null check (conversation_type in ('personal', 'groupChat', 'channel')),
    service_url         text not null,
    bot_id              text not null,
    user_id             text,                -- the person's Teams id ("29:..."), personal conversations only
    user_aad_object_id  text,
    team_id             text,
    installed_at        timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    check ((conversation_type = 'personal') = (user_aad_object_id is not null))
);

create index teams_conversations_person on teams_conversations (tenant_id, user_aad_object_id)
    where conversation_type = 'personal';
