-- Each scoring run's snapshot becomes its own partition: a run COPYs into a bare table, and attaching it builds
-- the indexes in bulk (much faster than maintaining them row by row); dropping an old run is dropping a table.
alter table customer_value rename to customer_value_unpartitioned;

create table customer_value (like customer_value_unpartitioned including defaults including constraints)
    partition by list (run_id);
alter table customer_value add primary key (run_id, customer_id);
create index customer_value_customer_idx2 on customer_value (customer_id, run_id);
create index customer_value_rank_idx2 on customer_value (run_id, combined desc, customer_id desc);
create index customer_value_segment_idx2 on customer_value (run_id, segment, combined desc, customer_id desc);

do $$
declare
    run record;
begin
    for run in select distinct run_id from customer_value_unpartitioned loop
        execute format('create table customer_value_r%s partition of customer_value for values in (%s)',
                       run.run_id, run.run_id);
        execute format('insert into customer_value select * from customer_value_unpartitioned where run_id = %s',
                       run.run_id);
    end loop;
end $$;

drop table customer_value_unpartitioned;
alter index customer_value_customer_idx2 rename to customer_value_customer_idx;
alter index customer_value_rank_idx2 rename to customer_value_rank_idx;
alter index customer_value_segment_idx2 rename to customer_value_segment_idx;
