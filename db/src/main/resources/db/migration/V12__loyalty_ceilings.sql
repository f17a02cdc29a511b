-- Earning ceilings an admin sets: no single event and no customer's day earns more than these many points.
create table loyalty_ceiling (
    id              boolean primary key default true,
    per_event       bigint not null default 10000,
    per_day         bigint not null default 25000,
    updated_at      timestamptz not null default now(),
    updated_by      text not null default 'system',
    constraint loyalty_ceiling_single_row check (id),
    constraint loyalty_ceiling_positive check (per_event > 0 and per_day > 0)
);
insert into loyalty_ceiling default values;

-- Orders and activities that arrived before they happened (dated ahead of their arrival): loyalty evaluates them
-- once their time has come, and these small indexes find them.
create index orders_dated_ahead_idx on orders (ordered_at) where created_at < ordered_at;
create index activity_dated_ahead_idx on activity (occurred_at) where created_at < occurred_at;
