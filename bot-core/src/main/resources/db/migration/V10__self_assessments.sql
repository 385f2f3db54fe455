-- A run of a self-assessment: the skills to go through, in order, and where it stands. Every answer is stored as it
-- is given, so a run can be continued after days or a restart from here alone (Redis only remembers the buttons).
create table skill_assessments (
    id              uuid primary key,
    organisation_id uuid not null,
    person_id       uuid not null,
    role_id         uuid,
    skill_ids       uuid[] not null,
    status          text not null check (status in ('in_progress', 'finished', 'stopped')),
    started_at      timestamptz not null,
    updated_at      timestamptz not null,
    unique (id, organisation_id),
    foreign key (person_id, organisation_id) references people (id, organisation_id) on delete cascade,
    foreign key (role_id, organisation_id) references roles (id, organisation_id) on delete set null (role_id)
);
create index skill_assessments_person on skill_assessments (organisation_id, person_id, status);

create table assessment_answers (
    assessment_id   uuid not null,
    organisation_id uuid not null,
    skill_id        uuid not null,
    level           smallint not null check (level between 1 and 5),
    answer          text not null check (answer in ('not_yet', 'sometimes', 'consistently')),
    answered_at     timestamptz not null,
    primary key (assessment_id, skill_id, level),
    foreign key (assessment_id, organisation_id) references skill_assessments (id, organisation_id) on delete cascade,
    foreign key (skill_id, organisation_id) references skills (id, organisation_id) on delete cascade
);

-- A stage given to a person's skill: by themselves (from an assessment), and later by others. Kept as history.
create table skill_ratings (
    id              uuid primary key,
    organisation_id uuid not null,
    person_id       uuid not null,
    skill_id        uuid not null,
    rater_id        uuid not null,
    kind            text not null check (kind in ('self', 'manager', 'peer', 'confirmed')),
    stage           smallint not null check (stage between 1 and 5),
    confidence      text check (confidence in ('low', 'medium', 'high')),
    assessment_id   uuid,
    rated_at        timestamptz not null,
    foreign key (person_id, organisation_id) references people (id, organisation_id) on delete cascade,
    foreign key (rater_id, organisation_id) references people (id, organisation_id) on delete cascade,
    foreign key (skill_id, organisation_id) references skills (id, organisation_id) on delete cascade,
    foreign key (assessment_id, organisation_id) references skill_assessments (id, organisation_id) on delete set null (assessment_id)
);
create index skill_ratings_person on skill_ratings (organisation_id, person_id, skill_id, rated_at desc);
