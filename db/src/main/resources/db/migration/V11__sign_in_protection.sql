-- Sign-in protection: accounts that still carry a default password, throttling of guessing, and an audit of
-- sign-ins and account changes (never a password).

-- True while the account's password is one Trinity handed out (the demo logins' "demo"); null for accounts made
-- before this migration until the application has checked them once at start-up.
alter table staff_user add column default_password boolean;
-- The account signs in only to choose a new password.
alter table staff_user add column password_change_required boolean not null default false;

-- Consecutive failed sign-ins per account ('account:<username>') and per client address ('address:<ip>').
create table sign_in_throttle (
    key             text primary key,
    failures        integer not null,
    last_failure_at timestamptz not null,
    locked_until    timestamptz
);

-- Who did what to which account, from where. Never a password; a username that was typed but does not exist is
-- kept only when it is shaped like a username.
create table staff_audit (
    id              bigint generated always as identity primary key,
    occurred_at     timestamptz not null default now(),
    event           text not null,
    username        text,
    actor           text,
    remote_address  text,
    detail          text
);
create index staff_audit_occurred_idx on staff_audit (occurred_at desc, id desc);
create index staff_audit_username_idx on staff_audit (username, occurred_at desc);
