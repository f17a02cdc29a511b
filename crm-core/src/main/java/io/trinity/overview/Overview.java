package io.trinity.overview;

import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts of customers, identities, orders and activities without a full-table COUNT(*): PostgreSQL's planner
 * estimate once the table is analysed, otherwise an exact count capped at 100,000.
 */
@Component
public class Overview {

    private static final long CAP = 100_000;
    /** The owners' published views to count, and the tables behind them whose planner statistics are read. */
    private static final List<String[]> TABLES = List.of(new String[] {"customer", "customer_directory", "Customers"},
            new String[] {"social_identity", "identity_directory", "Social identities"},
            new String[] {"orders", "order_facts", "Orders"}, new String[] {"activity", "activity_facts", "Activities"});

    private final JdbcClient jdbc;

    Overview(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Figure> figures() {
        return TABLES.stream().map(t -> figure(t[0], t[1], t[2])).toList();
    }

    private Figure figure(String table, String view, String label) {
        long estimate = jdbc.sql("select reltuples::bigint from pg_class where oid = cast(? as regclass)")
                .param("public." + table).query(Long.class).single();
        if (estimate >= CAP) {
            return new Figure(label, estimate, "about " + compact(estimate));
        }
        long exact = jdbc.sql("select count(*) from (select 1 from " + view + " limit " + (CAP + 1) + ") t")
                .query(Long.class).single();
        return new Figure(label, exact, exact > CAP ? String.format(Locale.ROOT, "%,d+", CAP)
                : String.format(Locale.ROOT, "%,d", exact));
    }

    static String compact(long n) {
        if (n >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f M", n / 1_000_000.0);
        }
        return String.format(Locale.ROOT, "%,d", (n / 1000) * 1000);
    }
}
