-- The feedback loop: a person asks several colleagues at once (feedback_requests, created in V1), each
-- recipient answers, declines or snoozes, reminders go out at most once each, and the requester gets a summary.

-- Skills the requester tagged: each answer may rate them on the five-stage scale.
create table feedback_request_skills (
    request_id      uuid not null,
    organisation_id uuid not null,
    skill_id        uuid not null,
    primary key (request_id, skill_id),
    foreign key (request_id, organisation_id) references feedback_requests (id, organisation_id) on delete cascade,
    foreign key (skill_id, organisation_id) references skills (id, organisation_id) on delete cascade
);

alter table feedback_requests
    add column closed_at timestamptz,
    add column summary_sent_at timestamptz;   -- set once, by whoever sends the final summary

alter table feedback_request_recipients
    add column asked_at     timestamptz not null default now(),
    add column declined_at  timestamptz,
    add column reminded_1_at timestamptz,     -- set once, atomically, by whoever sends the first reminder
    add column reminded_2_at timestamptz;

-- Answers keep their parts, so summaries can quote "went well" and "could be better" apart.
alter table feedback_items
    add column went_well       text,
    add column could_be_better text;

-- One answer per recipient per request.
create unique index feedback_items_one_answer on feedback_items (request_id, giver_id) where request_id is not null;

-- How many people must have answered an anonymous request before anything of it is shown.
alter table organisations
    add column anonymity_threshold smallint not null default 3 check (anonymity_threshold >= 2);

create index feedback_request_recipients_pending on feedback_request_recipients (organisation_id, status)
    where status in ('pending', 'snoozed');
