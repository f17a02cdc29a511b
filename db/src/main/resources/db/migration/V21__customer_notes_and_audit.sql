-- Staff notes on a customer (what a colleague should know next time), and the audit of edits to the customer
-- record: who changed which fields when, never the values themselves.
create table customer_note (
    id          bigserial primary key,
    customer_id bigint      not null references customer (id),
    author      text        not null,
    text        text        not null check (length(text) between 1 and 4000),
    created_at  timestamptz not null default now()
);
create index customer_note_customer_idx on customer_note (customer_id, created_at desc, id desc);

create table customer_audit (
    id          bigserial primary key,
    customer_id bigint      not null references customer (id),
    actor       text        not null,
    action      text        not null,
    fields      text[]      not null default '{}',
    occurred_at timestamptz not null default now()
);
create index customer_audit_customer_idx on customer_audit (customer_id, occurred_at desc, id desc);
