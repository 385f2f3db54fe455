-- People who offer to mentor others in a skill. Recommendations suggest them only when they are also strong in it.
create table mentors (
    organisation_id uuid not null,
    person_id       uuid not null,
    skill_id        uuid not null,
    opted_in_at     timestamptz not null default now(),
    primary key (person_id, skill_id),
    foreign key (person_id, organisation_id) references people (id, organisation_id) on delete cascade,
    foreign key (skill_id, organisation_id) references skills (id, organisation_id) on delete cascade
);
create index mentors_skill on mentors (organisation_id, skill_id);
