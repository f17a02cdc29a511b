-- When a rate-limited connection may be asked again: the scheduler resumes it then, and not before.
alter table social_connection add column resume_at timestamptz;
