-- moments: an agent may answer a moment of truth with goodwill points (kept on the ledger with the moment as reason).
alter table moment_action drop constraint moment_action_action_valid;
alter table moment_action add constraint moment_action_action_valid
    check (action in ('CASE_OPENED', 'DONE', 'POINTS_GIVEN'));
