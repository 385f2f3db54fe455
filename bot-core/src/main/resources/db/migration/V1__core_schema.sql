-- Stepwise core schema. Every row belongs to one organisation; composite foreign keys on
-- (id, organisation_id) make it impossible for a row to point at another organisation's data.

create table organisations (
    id                         uuid primary key,
    key                        text not null unique,
    name                       text not null,
    anonymous_feedback_allowed boolean not null default false,
    created_at                 timestamptz not null default now()
);

-- Which Slack workspace / Enterprise Grid org / Teams tenant is which organisation.
create table organisation_identities (
    organisation_id uuid not null references organisations (id) on delete cascade,
    platform        text not null check (platform in ('slack', 'teams')),
    kind            text not null check (kind in ('team', 'enterprise', 'tenant')),
    external_id     text not null,
    primary key (platform, kind, external_id)
);

create table roles (
    id              uuid primary key,
    organisation_id uuid not null references organisations (id) on delete cascade,
    key             text not null,
    name            text not null,
    unique (organisation_id, key),
    unique (id, organisation_id)
);

create table skills (
    id              uuid primary key,
    organisation_id uuid not null references organisations (id) on delete cascade,
    key             text not null,
    name            text not null,
    description     text not null default '',
    unique (organisation_id, key),
    unique (id, organisation_id)
);

-- The competency matrix: role x skill -> required level on the five-stage scale
-- (1 Novice, 2 Advanced Beginner, 3 Competent, 4 Proficient, 5 Expert).
create table competency_requirements (
    organisation_id uuid not null,
    role_id         uuid not null,
    skill_id        uuid not null,
    required_level  smallint not null check (required_level between 1 and 5),
    primary key (role_id, skill_id),
    foreign key (role_id, organisation_id) references roles (id, organisation_id) on delete cascade,
    foreign key (skill_id, organisation_id) references skills (id, organisation_id) on delete cascade
);

-- "Can you do" statements describing each stage of a skill for a role.
create table behaviour_statements (
    role_id   uuid not null,
    skill_id  uuid not null,
    level     smallint not null check (level between 1 and 5),
    statement text not null,
    primary key (role_id, skill_id, level),
    foreign key (role_id, skill_id) references competency_requirements (role_id, skill_id) on delete cascade
);

create table teams (
    id              uuid primary key,
    organisation_id uuid not null references organisations (id) on delete cascade,
    key             text not null,
    name            text not null,
    manager_id      uuid,
    unique (organisation_id, key),
    unique (id, organisation_id)
);

create table people (
    id              uuid primary key,
    organisation_id uuid not null references organisations (id) on delete cascade,
    key             text not null,
    name            text not null,
    email           text not null,
    timezone        text not null default 'UTC',
    role_id         uuid,
    team_id         uuid,
    manager_id      uuid,
    created_at      timestamptz not null default now(),
    unique (organisation_id, key),
    unique (organisation_id, email),
    unique (id, organisation_id),
    foreign key (role_id, organisation_id) references roles (id, organisation_id),
    foreign key (team_id, organisation_id) references teams (id, organisation_id),
    foreign key (manager_id, organisation_id) references people (id, organisation_id),
    check (manager_id is null or manager_id <> id)
);

alter table teams
    add foreign key (manager_id, organisation_id) references people (id, organisation_id);

-- One identity per platform per person (Slack user id, Teams AAD object id).
create table person_identities (
    person_id       uuid not null,
    organisation_id uuid not null,
    platform        text not null check (platform in ('slack', 'teams')),
    external_id     text not null,
    primary key (person_id, platform),
    unique (organisation_id, platform, external_id),
    foreign key (person_id, organisation_id) references people (id, organisation_id) on delete cascade
);

create table business_goals (
    id              uuid primary key,
    organisation_id uuid not null references organisations (id) on delete cascade,
    key             text not null,
    title           text not null,
    description     text not null default '',
    unique (organisation_id, key),
    unique (id, organisation_id)
);

create table objectives (
    id              uuid primary key,
    organisation_id uuid not null,
    owner_id        uuid not null,
    title           text not null,
    measure         text not null default '',
    due_on          date,
    status          text not null default 'active'
                    check (status in ('draft', 'active', 'at_risk', 'done', 'cancelled')),
    progress        smallint not null default 0 check (progress between 0 and 100),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (id, organisation_id),
    foreign key (owner_id, organisation_id) references people (id, organisation_id) on delete cascade
);
create index objectives_owner on objectives (owner_id);

create table objective_business_goals (
    objective_id     uuid not null,
    business_goal_id uuid not null,
    organisation_id  uuid not null,
    primary key (objective_id, business_goal_id),
    foreign key (objective_id, organisation_id) references objectives (id, organisation_id) on delete cascade,
    foreign key (business_goal_id, organisation_id) references business_goals (id, organisation_id) on delete cascade
);

create table feedback_requests (
    id              uuid primary key,
    organisation_id uuid not null,
    requester_id    uuid not null,
    objective_id    uuid,
    question        text not null,
    anonymous       boolean not null default false,
    due_at          timestamptz not null,
    status          text not null default 'open' check (status in ('open', 'closed', 'expired')),
    created_at      timestamptz not null default now(),
    unique (id, organisation_id),
    foreign key (requester_id, organisation_id) references people (id, organisation_id) on delete cascade,
    foreign key (objective_id, organisation_id) references objectives (id, organisation_id)
);

create table feedback_request_recipients (
    request_id      uuid not null,
    organisation_id uuid not null,
    recipient_id    uuid not null,
    status          text not null default 'pending'
                    check (status in ('pending', 'answered', 'declined', 'snoozed')),
    decline_reason  text,
    snoozed_until   timestamptz,
    answered_at     timestamptz,
    primary key (request_id, recipient_id),
    foreign key (request_id, organisation_id) references feedback_requests (id, organisation_id) on delete cascade,
    foreign key (recipient_id, organisation_id) references people (id, organisation_id) on delete cascade
);

-- visibility: 'recipient' = only the person it is about; 'recipient_and_manager' = shared with their manager.
create table feedback_items (
    id              uuid primary key,
    organisation_id uuid not null,
    giver_id        uuid not null,
    receiver_id     uuid not null,
    request_id      uuid,
    objective_id    uuid,
    text            text not null check (length(btrim(text)) > 0),
    context         text,
    visibility      text not null default 'recipient' check (visibility in ('recipient', 'recipient_and_manager')),
    anonymous       boolean not null default false,
    created_at      timestamptz not null default now(),
    unique (id, organisation_id),
    check (giver_id <> receiver_id),
    foreign key (giver_id, organisation_id) references people (id, organisation_id) on delete cascade,
    foreign key (receiver_id, organisation_id) references people (id, organisation_id) on delete cascade,
    foreign key (request_id, organisation_id) references feedback_requests (id, organisation_id),
    foreign key (objective_id, organisation_id) references objectives (id, organisation_id) on delete set null (objective_id)
);
create index feedback_items_receiver on feedback_items (receiver_id, created_at desc);
create index feedback_items_giver on feedback_items (giver_id, created_at desc);

-- Skill tags of a feedback item, with the giver's optional rating on the five-stage scale.
create table feedback_item_skills (
    feedback_item_id uuid not null,
    skill_id         uuid not null,
    organisation_id  uuid not null,
    rating           smallint check (rating between 1 and 5),
    primary key (feedback_item_id, skill_id),
    foreign key (feedback_item_id, organisation_id) references feedback_items (id, organisation_id) on delete cascade,
    foreign key (skill_id, organisation_id) references skills (id, organisation_id) on delete cascade
);

create table catalogue_items (
    id               uuid primary key,
    organisation_id  uuid not null references organisations (id) on delete cascade,
    key              text not null,
    title            text not null,
    url              text not null,
    description      text not null default '',
    type             text not null check (type in ('course', 'article', 'video', 'practice',
                                                   'stretch-assignment', 'coaching', 'mentor')),
    level_min        smallint not null check (level_min between 1 and 5),
    level_max        smallint not null check (level_max between 1 and 5),
    duration_minutes integer check (duration_minutes > 0),
    language         text not null default 'en',
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    unique (organisation_id, key),
    unique (id, organisation_id),
    check (level_min <= level_max)
);

create table catalogue_item_skills (
    catalogue_item_id uuid not null,
    skill_id          uuid not null,
    organisation_id   uuid not null,
    primary key (catalogue_item_id, skill_id),
    foreign key (catalogue_item_id, organisation_id) references catalogue_items (id, organisation_id) on delete cascade,
    foreign key (skill_id, organisation_id) references skills (id, organisation_id) on delete cascade
);

create table plan_items (
    id                uuid primary key,
    organisation_id   uuid not null,
    person_id         uuid not null,
    catalogue_item_id uuid,
    skill_id          uuid,
    title             text not null,
    status            text not null default 'planned' check (status in ('planned', 'in_progress', 'done', 'dropped')),
    due_on            date,
    created_at        timestamptz not null default now(),
    completed_at      timestamptz,
    unique (id, organisation_id),
    foreign key (person_id, organisation_id) references people (id, organisation_id) on delete cascade,
    foreign key (catalogue_item_id, organisation_id) references catalogue_items (id, organisation_id) on delete set null (catalogue_item_id),
    foreign key (skill_id, organisation_id) references skills (id, organisation_id) on delete set null (skill_id)
);
create index plan_items_person on plan_items (person_id);

-- An append-only record of progress: learning done, milestones, feedback received, sign-offs.
create table progress_events (
    id              uuid primary key,
    organisation_id uuid not null,
    person_id       uuid not null,
    kind            text not null,
    occurred_at     timestamptz not null default now(),
    details         jsonb not null default '{}',
    foreign key (person_id, organisation_id) references people (id, organisation_id) on delete cascade
);
create index progress_events_person on progress_events (person_id, occurred_at desc);
