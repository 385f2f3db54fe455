-- "How did it go?" after just-in-time help: one row per check-in a person asked for. Sent once (sent_at), in the
-- person's working hours; closed when they answer it.
create table situation_follow_ups (
    id              uuid primary key,
    organisation_id uuid not null,
    person_id       uuid not null,
    situation       text not null,
    due_at          timestamptz not null,
    sent_at         timestamptz,
    closed_at       timestamptz,
    created_at      timestamptz not null default now(),
    foreign key (person_id, organisation_id) references people (id, organisation_id) on delete cascade
);
create index situation_follow_ups_due on situation_follow_ups (due_at) where sent_at is null;
