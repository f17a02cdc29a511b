package io.trinity.order;

import io.trinity.customer.CustomersChanged;
import io.trinity.customer.CustomerRef;
import io.trinity.customer.CustomerResolver;
import io.trinity.shared.BatchCollector;
import io.trinity.shared.BatchResult;
import io.trinity.shared.FieldError;
import io.trinity.shared.IngestWindow;
import io.trinity.shared.Retries;
import io.trinity.shared.TimeWindow;
import io.trinity.database.SqlArrays;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a batch of orders from the API or a CSV chunk and stores it idempotently by external id: a bad item is
 * rejected alone with its reason, the rest are written in one set-based statement, and a re-sent batch changes
 * nothing.
 */
@Service
public class OrderIngest {

    public static final int MAX_BATCH = 10_000;

    private static final String UPSERT = """
            insert into orders (external_id, customer_id, ordered_at, amount_minor, currency, channel, store_id)
            select t.external_id, t.customer_id, t.ordered_at::timestamptz, t.amount_minor, t.currency, t.channel,
                   t.store_id
            from unnest(?::text[], ?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[])
                 as t(external_id, customer_id, ordered_at, amount_minor, currency, channel, store_id)
            on conflict (external_id) do update set
                customer_id = excluded.customer_id, ordered_at = excluded.ordered_at,
                amount_minor = excluded.amount_minor, currency = excluded.currency, channel = excluded.channel,
                store_id = excluded.store_id, updated_at = now()
            where (orders.customer_id, orders.ordered_at, orders.amount_minor, orders.currency, orders.channel,
                   orders.store_id)
                  is distinct from
                  (excluded.customer_id, excluded.ordered_at, excluded.amount_minor, excluded.currency,
                   excluded.channel, excluded.store_id)
            returning id, external_id, customer_id, ordered_at, amount_minor, currency, channel, store_id,
                      (xmax = 0) as inserted
            """;

    private final CustomerResolver customers;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final IngestWindow times;

    OrderIngest(CustomerResolver customers, JdbcTemplate jdbc,
            ApplicationEventPublisher events, IngestWindow times, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.times = times;
        this.customers = customers;
        this.jdbc = jdbc;
        this.events = events;
    }

    public BatchResult ingest(List<OrderDraft> drafts) {
        return ingest(drafts, new BatchCollector());
    }

    /** Ingests with a collector that may already hold rejections found while parsing the batch. */
    public BatchResult ingest(List<OrderDraft> drafts, BatchCollector batch) {
        // One transaction, run again should PostgreSQL pick it as a deadlock victim: never a 500 for that.
        return Retries.onConflict(() -> transactions.execute(status -> store(drafts, batch.copy())));
    }

    private BatchResult store(List<OrderDraft> drafts, BatchCollector batch) {
        if (drafts.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a batch holds at most " + MAX_BATCH + " orders");
        }
        TimeWindow window = times.now();
        Map<Integer, ValidOrder> valid = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            if (batch.isRejected(i) || drafts.get(i) == null) {
                continue;
            }
            List<FieldError> errors = new ArrayList<>();
            ValidOrder order = OrderValidator.clean(drafts.get(i), window, errors);
            if (order == null) {
                batch.reject(i, errors);
            } else if (!seen.add(order.externalId())) {
                batch.reject(i, "externalId", "externalId '" + order.externalId() + "' appears earlier in this batch");
            } else {
                valid.put(i, order);
            }
        }
        Map<CustomerRef, Long> ids = customers.resolve(valid.values().stream().map(ValidOrder::customer).toList());
        List<ValidOrder> accepted = new ArrayList<>();
        List<Long> customerIds = new ArrayList<>();
        // Written in external-id order, not the client's: two batches holding the same orders in different orders
        // then lock those rows in the same order and cannot deadlock each other.
        valid.entrySet().stream().sorted(Map.Entry.comparingByValue(
                java.util.Comparator.comparing(ValidOrder::externalId))).forEach(entry -> {
            CustomerRef ref = entry.getValue().customer();
            Long id = ids.get(ref);
            if (id == null) {
                batch.reject(entry.getKey(), fieldOf(ref), unknownCustomer(ref));
            } else {
                accepted.add(entry.getValue());
                customerIds.add(id);
            }
        });
        write(accepted, customerIds, batch);
        return batch.result();
    }

    private String unknownCustomer(CustomerRef ref) {
        if (ref.email() != null && customers.isAmbiguousEmail(ref.email())) {
            return "email '" + ref.email() + "' belongs to more than one customer; use customerExternalId";
        }
        return "no customer with " + ref.describe();
    }

    static String fieldOf(CustomerRef ref) {
        if (ref.id() != null) {
            return "customerId";
        }
        return ref.externalId() != null ? "customerExternalId" : "email";
    }

    private void write(List<ValidOrder> orders, List<Long> customerIds, BatchCollector batch) {
        if (orders.isEmpty()) {
            return;
        }
        int n = orders.size();
        Object[][] cols = new Object[7][n];
        for (int i = 0; i < n; i++) {
            ValidOrder o = orders.get(i);
            cols[0][i] = o.externalId();
            cols[1][i] = customerIds.get(i);
            cols[2][i] = o.orderedAt().toString();
            cols[3][i] = o.amount().minor();
            cols[4][i] = o.amount().currency().getCurrencyCode();
            cols[5][i] = o.channel().code();
            cols[6][i] = o.storeId();
        }
        int[] changed = new int[2];
        List<OrdersStored.Stored> inserted = new ArrayList<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(UPSERT);
            for (int c = 0; c < 7; c++) {
                ps.setArray(c + 1, c == 1 || c == 3 ? SqlArrays.bigint(con, cols[c]) : SqlArrays.text(con, cols[c]));
            }
            return ps;
        }, rs -> {
            boolean isNew = rs.getBoolean("inserted");
            changed[isNew ? 0 : 1]++;
            if (isNew) {
                inserted.add(new OrdersStored.Stored(rs.getLong("id"), rs.getString("external_id"),
                        rs.getLong("customer_id"), rs.getObject("ordered_at", OffsetDateTime.class).toInstant(),
                        rs.getLong("amount_minor"), rs.getString("currency"), rs.getString("channel"),
                        rs.getString("store_id")));
            }
        });
        batch.count(changed[0], changed[1], n - changed[0] - changed[1]);
        if (changed[0] + changed[1] > 0) {
            events.publishEvent(CustomersChanged.of(customerIds));
        }
        if (!inserted.isEmpty()) {
            events.publishEvent(new OrdersStored(inserted));
        }
    }
}
