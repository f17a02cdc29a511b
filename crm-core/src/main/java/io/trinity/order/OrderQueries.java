package io.trinity.order;

import io.trinity.shared.Cursor;
import io.trinity.shared.Money;
import io.trinity.shared.Page;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a customer's orders newest first, keyset-paged on (ordered_at, id). */
@Component
public class OrderQueries {

    private final JdbcClient jdbc;

    OrderQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<OrderView> forCustomer(long customerId, int limit, @Nullable String after) {
        Cursor.TimeKey key = after == null || after.isBlank()
                ? new Cursor.TimeKey(Instant.parse("9999-12-31T00:00:00Z"), Long.MAX_VALUE)
                : Cursor.decodeTimeKey(after);
        List<OrderView> rows = jdbc.sql("""
                        select id, external_id, customer_id, ordered_at, amount_minor, currency, channel, store_id
                        from orders where customer_id = :customer and (ordered_at, id) < (:time, :id)
                        order by ordered_at desc, id desc limit :limit""")
                .param("customer", customerId)
                .param("time", java.sql.Timestamp.from(key.time()))
                .param("id", key.id())
                .param("limit", limit + 1)
                .query((rs, n) -> new OrderView(rs.getLong("id"), rs.getString("external_id"),
                        rs.getLong("customer_id"), rs.getTimestamp("ordered_at").toInstant(),
                        new Money(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))),
                        rs.getString("channel"), rs.getString("store_id")))
                .list();
        if (rows.size() > limit) {
            OrderView last = rows.get(limit - 1);
            return new Page<>(List.copyOf(rows.subList(0, limit)), Cursor.encode(last.orderedAt(), last.id()));
        }
        return new Page<>(rows, null);
    }
}
