-- moments: what staff did about a customer's moment of truth; an acted-on moment leaves the service queue.
create table moment_action (
    id          bigint generated always as identity primary key,
    customer_id bigint not null references customer (id),
    rule        text not null,
    action      text not null,
    case_id     bigint,
    actor       text not null,
    acted_at    timestamptz not null default now(),
    constraint moment_action_action_valid check (action in ('CASE_OPENED', 'DONE'))
);
create index moment_action_rule_idx on moment_action (rule, customer_id, acted_at desc);
create index moment_action_customer_idx on moment_action (customer_id);
-- (the birthday moment reads customer_birthday_idx of V7)
