-- What a manager may read of the feedback their direct reports received:
--   'shared' (default): only the items the person chose to share with them (visibility 'recipient_and_manager');
--   'named': every item whose giver is named, as an organisation may decide. Answers to anonymous requests are
--            never shown one by one to anyone, whatever the policy.
alter table organisations
    add column manager_feedback_access text not null default 'shared' check (manager_feedback_access in ('shared', 'named'));
