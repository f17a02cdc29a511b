-- Narrow covering indexes for the scoring run's two activity reads, so they scan only the entries they need
-- (index-only) instead of every wide activity row: the per-customer aggregates skip follow edges, the influence
-- graph reads only activities aimed at another customer.
create index activity_actor_aggregate_idx on activity (actor_customer_id)
    include (type, occurred_at, engagement)
    where actor_customer_id is not null and type <> 'FOLLOW';

create index activity_graph_idx on activity (actor_customer_id, target_customer_id)
    include (type, occurred_at)
    where actor_customer_id is not null and target_customer_id is not null;
