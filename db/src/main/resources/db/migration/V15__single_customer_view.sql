-- Single customer view (docs/adr/0010): a postal address on the customer, duplicate detection and merge/unmerge.

-- customer: the postal address, and where a merged customer went.
alter table customer
    add column street      text,
    add column postal_code text,
    add column region      text,
    add column merged_into bigint references customer (id),
    add column merged_at   timestamptz,
    add constraint customer_merged_pointer check ((status = 'MERGED') = (merged_into is not null)),
    add constraint customer_not_merged_into_self check (merged_into <> id),
    add constraint customer_street_length check (length(street) <= 200),
    add constraint customer_postal_code_length check (length(postal_code) <= 20),
    add constraint customer_region_length check (length(region) <= 100);
create index customer_merged_into_idx on customer (merged_into) where merged_into is not null;

create or replace view customer_directory as
select id, external_id, first_name, last_name, email, phone, loyalty_number, locale, city, country,
       marketing_consent, consent_changed_at, status, created_at, updated_at, birth_date,
       street, postal_code, region, merged_into
from customer;

-- loyalty: the ledger stays append-only for points; a merge may re-attribute entries to the survivor (and an undo
-- give them back), and only that, only when the loyalty feature says so for its own transaction.
create or replace function loyalty_ledger_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and current_setting('trinity.ledger_reattribution', true) = 'merge'
       and (to_jsonb(new) - 'customer_id') = (to_jsonb(old) - 'customer_id') then
        return new;
    end if;
    raise exception 'loyalty_ledger is append-only: % is not allowed', tg_op using errcode = 'P0001';
end $$;

-- duplicates: the model each full scan estimates, with its term frequencies.
create table duplicate_model (
    version      bigint generated always as identity primary key,
    scan_id      bigint,
    created_at   timestamptz not null default now(),
    records      bigint not null,
    candidates   bigint not null,
    parameters   jsonb not null
);

create table duplicate_term (
    version      bigint not null references duplicate_model (version) on delete cascade,
    field        text not null,
    value        text not null,
    frequency    double precision not null,
    primary key (version, field, value)
);

-- Blocking keys (64-bit hashes) of every active customer, so a new customer finds its candidates in one index scan.
create table duplicate_key (
    key          bigint not null,
    customer_id  bigint not null
);
create index duplicate_key_key_idx on duplicate_key (key);
create index duplicate_key_customer_idx on duplicate_key (customer_id);

create table duplicate_scan (
    id           bigint generated always as identity primary key,
    status       text not null default 'running',
    phase        text not null default 'reading',
    progress     int not null default 0,
    records      bigint,
    candidates   bigint,
    pairs        bigint,
    model_version bigint references duplicate_model (version) on delete set null,
    started_by   text not null,
    started_at   timestamptz not null default now(),
    finished_at  timestamptz,
    error        text,
    constraint duplicate_scan_status_valid check (status in ('running', 'succeeded', 'failed')),
    constraint duplicate_scan_progress_valid check (progress between 0 and 100)
);
create unique index duplicate_scan_one_running_idx on duplicate_scan ((true)) where status = 'running';

-- A pair of customers that may be one person. customer_a < customer_b; a rejected pair is never proposed again.
create table duplicate_pair (
    id            bigint generated always as identity primary key,
    customer_a    bigint not null references customer (id),
    customer_b    bigint not null references customer (id),
    cluster_id    bigint not null,
    probability   double precision not null,
    band          text not null,
    status        text not null default 'open',
    evidence      jsonb not null,
    model_version bigint,
    found_at      timestamptz not null default now(),
    decided_by    text,
    decided_at    timestamptz,
    constraint duplicate_pair_ordered check (customer_a < customer_b),
    constraint duplicate_pair_unique unique (customer_a, customer_b),
    constraint duplicate_pair_band_valid check (band in ('auto', 'review')),
    constraint duplicate_pair_status_valid check (status in ('open', 'merged', 'rejected')),
    constraint duplicate_pair_probability_valid check (probability between 0 and 1)
);
create index duplicate_pair_open_idx on duplicate_pair (probability desc, id desc) where status = 'open';
create index duplicate_pair_cluster_idx on duplicate_pair (cluster_id) where status = 'open';
create index duplicate_pair_b_idx on duplicate_pair (customer_b);

-- Every merge, with what it needs to be undone: each feature's moved rows (by key) and what it changed.
create table customer_merge (
    id            bigint generated always as identity primary key,
    survivor_id   bigint not null references customer (id),
    merged_id     bigint not null references customer (id),
    pair_id       bigint,
    automatic     boolean not null,
    fields        jsonb not null,
    moved         jsonb not null,
    evidence      jsonb,
    probability   double precision,
    merged_by     text not null,
    merged_at     timestamptz not null default now(),
    undone_by     text,
    undone_at     timestamptz,
    constraint customer_merge_distinct check (survivor_id <> merged_id)
);
create index customer_merge_survivor_idx on customer_merge (survivor_id, id desc);
create index customer_merge_merged_idx on customer_merge (merged_id, id desc);

-- Undo data: personal data (the values a merge replaced), so it is kept only as long as a merge can be undone.
create table customer_merge_journal (
    merge_id      bigint not null references customer_merge (id) on delete cascade,
    part          text not null,
    keys          text[] not null default '{}',
    data          jsonb,
    primary key (merge_id, part)
);

-- Who decided what about which customers (ids, evidence levels and weights, never their names or addresses).
create table duplicate_audit (
    id            bigint generated always as identity primary key,
    occurred_at   timestamptz not null default now(),
    action        text not null,
    actor         text not null,
    automatic     boolean not null default false,
    pair_id       bigint,
    merge_id      bigint,
    customer_ids  bigint[] not null,
    probability   double precision,
    evidence      jsonb,
    constraint duplicate_audit_action_valid
        check (action in ('SCAN', 'MERGED', 'REJECTED', 'UNDONE', 'LINKED_IDENTITY', 'REJECTED_IDENTITY'))
);
create index duplicate_audit_occurred_idx on duplicate_audit (occurred_at desc, id desc);

-- Social accounts linked to nobody, proposed for a customer; a rejected proposal is never made again.
create table identity_proposal (
    id            bigint generated always as identity primary key,
    identity_id   bigint not null references social_identity (id),
    customer_id   bigint not null references customer (id),
    score         double precision not null,
    evidence      jsonb not null,
    status        text not null default 'open',
    found_at      timestamptz not null default now(),
    decided_by    text,
    decided_at    timestamptz,
    constraint identity_proposal_unique unique (identity_id, customer_id),
    constraint identity_proposal_status_valid check (status in ('open', 'linked', 'rejected'))
);
create index identity_proposal_open_idx on identity_proposal (score desc, id desc) where status = 'open';
