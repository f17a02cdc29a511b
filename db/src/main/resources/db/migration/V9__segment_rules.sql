-- Segment rules are data an admin can change (the thresholds); every change is a new version and each run
-- records the version it used, so a segment always explains itself with the rule that was in force.
create table segment_rules (
    version     int primary key,
    rules       text not null,
    created_by  text not null,
    created_at  timestamptz not null default now()
);
alter table scoring_run add column segment_rules_version int references segment_rules (version);
