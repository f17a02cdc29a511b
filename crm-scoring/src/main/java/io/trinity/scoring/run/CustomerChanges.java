package io.trinity.scoring.run;

import io.trinity.database.SqlArrays;
import io.trinity.customer.CustomersChanged;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Scoring's list of customers to rescore: filled, inside the ingest transaction, from the {@link CustomersChanged}
 * events that the customer, order and activity features publish; emptied by {@link IncrementalRescorer} and by a
 * full run. One statement per batch. The table {@code customer_changed} is scoring's own.
 */
@Component
public class CustomerChanges {

    private final JdbcTemplate jdbc;

    CustomerChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void changed(CustomersChanged changed) {
        mark(changed.customerIds());
    }

    public void mark(Collection<Long> customerIds) {
        // Sorted: concurrent batches then lock the rows they share in the same order and cannot deadlock.
        Object[] ids = customerIds.stream().filter(Objects::nonNull).distinct().sorted().toArray();
        if (ids.length == 0) {
            return;
        }
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    insert into customer_changed (customer_id)
                    select unnest(?::bigint[]) on conflict (customer_id) do update set changed_at = now()""");
            ps.setArray(1, SqlArrays.bigint(con, ids));
            return ps;
        });
    }

    /** Takes up to {@code limit} changed customers off the list, oldest first. Call inside a transaction. */
    public List<Long> take(int limit) {
        return jdbc.queryForList("""
                delete from customer_changed where customer_id in (
                    select customer_id from customer_changed order by changed_at limit ? for update skip locked)
                returning customer_id""", Long.class, limit);
    }

    public long pending() {
        Long n = jdbc.queryForObject("select count(*) from customer_changed", Long.class);
        return n == null ? 0 : n;
    }
}
