-- Per-customer purchase totals kept by the database itself as orders change, so a full scoring run reads one row
-- per customer and currency instead of aggregating every order (the run subtracts the few orders outside its
-- window, found through orders_ordered_at_idx). Statement-level triggers with transition tables keep them exact for
-- every writer: the ingest API, CSV imports, COPY bulk loads and hand-written SQL alike.

create table customer_purchase_totals (
    customer_id      bigint not null references customer (id),
    currency         text   not null,
    orders           int    not null,
    purchases        int    not null,            -- orders with amount > 0
    net_minor        bigint not null,            -- purchases minus refunds, in the currency's minor units
    last_purchase_at timestamptz,                -- latest order with amount > 0
    primary key (customer_id, currency)
);

create index orders_ordered_at_idx on orders (ordered_at);

-- New orders add to the totals; keys in a fixed order so concurrent batches lock them in the same order.
create function purchase_totals_add() returns trigger language plpgsql as $$
begin
    insert into customer_purchase_totals as t (customer_id, currency, orders, purchases, net_minor, last_purchase_at)
    select customer_id, currency, count(*), count(*) filter (where amount_minor > 0), sum(amount_minor),
           max(ordered_at) filter (where amount_minor > 0)
    from new_orders
    group by customer_id, currency
    order by customer_id, currency
    on conflict (customer_id, currency) do update set
        orders = t.orders + excluded.orders,
        purchases = t.purchases + excluded.purchases,
        net_minor = t.net_minor + excluded.net_minor,
        last_purchase_at = greatest(t.last_purchase_at, excluded.last_purchase_at);
    return null;
end $$;

-- Changed or removed orders: counts and sums take the difference (old rows out, new rows in), which commutes with
-- the insert trigger of the same statement (an upsert fires both) and with concurrent batches. A latest purchase
-- cannot be subtracted, so for the keys that lost a purchase it is looked up again, after the rows are locked.
create function purchase_totals_apply(customers bigint[], currencies text[], amounts bigint[],
                                      times timestamptz[], signs int[]) returns void language plpgsql as $$
begin
    insert into customer_purchase_totals as t (customer_id, currency, orders, purchases, net_minor, last_purchase_at)
    select customer_id, currency, sum(sign)::int, coalesce(sum(sign) filter (where amount_minor > 0), 0)::int,
           sum(sign * amount_minor)::bigint, max(ordered_at) filter (where sign > 0 and amount_minor > 0)
    from unnest(customers, currencies, amounts, times, signs) as c(customer_id, currency, amount_minor, ordered_at, sign)
    group by customer_id, currency
    order by customer_id, currency
    on conflict (customer_id, currency) do update set
        orders = t.orders + excluded.orders,
        purchases = t.purchases + excluded.purchases,
        net_minor = t.net_minor + excluded.net_minor,
        last_purchase_at = greatest(t.last_purchase_at, excluded.last_purchase_at);

    update customer_purchase_totals t
    set last_purchase_at = (select max(o.ordered_at) from orders o
                            where o.customer_id = t.customer_id and o.currency = t.currency and o.amount_minor > 0)
    where (t.customer_id, t.currency) in (select c.customer_id, c.currency
                                          from unnest(customers, currencies, amounts, signs)
                                               as c(customer_id, currency, amount_minor, sign)
                                          where c.sign < 0 and c.amount_minor > 0);

    delete from customer_purchase_totals t
    where t.orders <= 0
      and (t.customer_id, t.currency) in (select * from unnest(customers, currencies));
end $$;

create function purchase_totals_after_update() returns trigger language plpgsql as $$
begin
    perform purchase_totals_apply(array_agg(customer_id), array_agg(currency), array_agg(amount_minor),
                                  array_agg(ordered_at), array_agg(sign))
    from (select customer_id, currency, amount_minor, ordered_at, -1 as sign from old_orders
          union all
          select customer_id, currency, amount_minor, ordered_at, 1 from new_orders) c;
    return null;
end $$;

create function purchase_totals_after_delete() returns trigger language plpgsql as $$
begin
    perform purchase_totals_apply(array_agg(customer_id), array_agg(currency), array_agg(amount_minor),
                                  array_agg(ordered_at), array_agg(-1))
    from old_orders;
    return null;
end $$;

-- DELETE, not TRUNCATE: a TRUNCATE … CASCADE of customer empties the totals in the same statement.
create function purchase_totals_after_truncate() returns trigger language plpgsql as $$
begin
    delete from customer_purchase_totals;
    return null;
end $$;

create trigger orders_purchase_totals_insert after insert on orders
    referencing new table as new_orders for each statement execute function purchase_totals_add();
create trigger orders_purchase_totals_update after update on orders
    referencing old table as old_orders new table as new_orders
    for each statement execute function purchase_totals_after_update();
create trigger orders_purchase_totals_delete after delete on orders
    referencing old table as old_orders for each statement execute function purchase_totals_after_delete();
create trigger orders_purchase_totals_truncate after truncate on orders
    for each statement execute function purchase_totals_after_truncate();

insert into customer_purchase_totals (customer_id, currency, orders, purchases, net_minor, last_purchase_at)
select customer_id, currency, count(*), count(*) filter (where amount_minor > 0), sum(amount_minor),
       max(ordered_at) filter (where amount_minor > 0)
from orders
group by customer_id, currency;

analyze customer_purchase_totals;

-- Within a run's partition (run_id, customer_id) and (customer_id, run_id) order the same rows, so one index can
-- serve both the run's lookups and a customer's history across runs; each run then builds one index fewer.
do $$
begin
    -- named customer_value_pkey1 by V3, which built it while the old table still held the first name
    execute format('alter table customer_value drop constraint %I',
                   (select conname from pg_constraint where conrelid = 'customer_value'::regclass and contype = 'p'));
end $$;
alter table customer_value add constraint customer_value_pkey primary key (customer_id, run_id);
drop index customer_value_customer_idx;
