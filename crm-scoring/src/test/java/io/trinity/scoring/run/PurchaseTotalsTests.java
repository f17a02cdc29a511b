package io.trinity.scoring.run;

import io.trinity.scoring.ScoringProperties;
import static org.assertj.core.api.Assertions.assertThat;

import io.trinity.customer.CustomerDraft;
import io.trinity.customer.CustomerService;
import io.trinity.order.OrderDraft;
import io.trinity.order.OrderIngest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database keeps per-customer purchase totals with triggers, and a full run derives its RFM inputs from them;
 * incremental rescoring aggregates the window's orders directly. Through inserts, corrections, moves between
 * customers, deletions, refunds, currencies without a rate and orders on both sides of the window, both must give
 * every customer the same recency, frequency and monetary value, and the totals must equal a fresh aggregate.
 */
@SpringBootTest
class PurchaseTotalsTests {

    static final LocalDate AS_OF = LocalDate.parse("2026-06-30");

    @Autowired
    SignalReader reader;

    @Autowired
    ScoringProperties settings;

    @Autowired
    CustomerService customers;

    @Autowired
    OrderIngest orders;

    @Autowired
    JdbcClient jdbc;

    List<Long> ids = new ArrayList<>();

    @BeforeEach
    void emptyBase() {
        jdbc.sql("truncate customer, orders, activity, social_identity, scoring_run, customer_value, customer_changed"
                + " cascade").update();
        for (int i = 0; i < 40; i++) {
            ids.add(customers.create(new CustomerDraft("T" + i, "Tess", "Total" + i, "t" + i + "@example.com", null,
                    null, null, null, null, false, "2020-01-01T00:00:00Z", null, null, null, null)).id());
        }
    }

    @Test
    void fullRunTotalsEqualTheWindowsOrdersThroughEveryKindOfChange() {
        SplittableRandom random = new SplittableRandom(7);
        List<String> currencies = List.of("USD", "USD", "USD", "EUR", "NOK", "CHF");
        Instant windowEdge = AS_OF.minusDays(settings.windowDays() - 1L).atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant();
        for (int round = 0; round < 4; round++) {
            List<OrderDraft> batch = new ArrayList<>();
            for (int k = 0; k < 150; k++) {
                // dates from 40 days before the window to 20 days after asOf, a few exactly on its edges
                Instant at = switch (random.nextInt(10)) {
                    case 0 -> windowEdge;
                    case 1 -> windowEdge.minusSeconds(1);
                    case 2 -> AS_OF.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().minusSeconds(1);
                    default -> windowEdge.minus(java.time.Duration.ofDays(40))
                            .plusSeconds(random.nextLong(790L * 86_400));
                };
                long cents = random.nextInt(8) == 0 ? -random.nextLong(1, 5_000) : random.nextLong(1, 40_000);
                // re-sending an id with other values corrects (updates) that order, possibly to another customer
                batch.add(new OrderDraft("O" + random.nextInt(400), ids.get(random.nextInt(ids.size())), null, null,
                        at.toString(), java.math.BigDecimal.valueOf(cents, 2).toPlainString(),
                        currencies.get(random.nextInt(currencies.size())), "web", null));
            }
            List<OrderDraft> distinct = new ArrayList<>(batch.stream()
                    .collect(java.util.stream.Collectors.toMap(OrderDraft::externalId, o -> o, (a, b) -> b,
                            java.util.LinkedHashMap::new)).values());
            assertThat(orders.ingest(distinct).rejected()).isZero();
            jdbc.sql("delete from orders where id in (select id from orders order by md5(id::text || ?) limit 5)")
                    .param(round).update();
            jdbc.sql("update orders set amount_minor = amount_minor + 1 where id % 7 = ?").param(round).update();
        }

        assertThat(jdbc.sql("""
                select string_agg(d::text, '; ') from (
                    select customer_id, currency, orders, purchases, net_minor, last_purchase_at
                    from customer_purchase_totals
                    except
                    select customer_id, currency, count(*), count(*) filter (where amount_minor > 0), sum(amount_minor),
                           max(ordered_at) filter (where amount_minor > 0)
                    from orders group by customer_id, currency) d""").query(String.class).optional()).isEmpty();
        assertThat(jdbc.sql("select count(*) from customer_purchase_totals").query(Long.class).single())
                .isEqualTo(jdbc.sql("select count(distinct (customer_id, currency)) from orders").query(Long.class)
                        .single());

        Signals full = reader.read(AS_OF, settings, null, false);
        Signals direct = reader.read(AS_OF, settings, ids.stream().mapToLong(Long::longValue).sorted().toArray(),
                false);
        assertThat(full.ids).containsExactly(direct.ids);
        int scored = 0;
        for (int i = 0; i < full.size(); i++) {
            assertThat(full.purchased[i]).as("purchased %d", full.ids[i]).isEqualTo(direct.purchased[i]);
            if (direct.purchased[i]) {
                scored++;
                assertThat(full.recencyDays[i]).as("recency %d", full.ids[i]).isEqualTo(direct.recencyDays[i]);
                assertThat(full.frequency[i]).as("frequency %d", full.ids[i]).isEqualTo(direct.frequency[i]);
                assertThat(full.monetaryMinor[i]).as("monetary %d", full.ids[i]).isEqualTo(direct.monetaryMinor[i]);
            }
        }
        assertThat(full.skippedOrders).isEqualTo(direct.skippedOrders).isPositive();
        assertThat(scored).isGreaterThan(20);
        // and both agree with SQL over the window's orders
        long purchases = jdbc.sql("""
                select count(*) from orders where amount_minor > 0 and currency in ('USD', 'EUR', 'NOK')
                  and ordered_at >= ? and ordered_at < ?""")
                .params(java.sql.Timestamp.from(windowEdge),
                        java.sql.Timestamp.from(AS_OF.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))
                .query(Long.class).single();
        assertThat(java.util.Arrays.stream(full.frequency).asLongStream().sum()).isEqualTo(purchases);
    }

    @Test
    void concurrentBatchesForTheSameCustomersAddUpExactly() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    int rejected = 0;
                    for (int b = 0; b < 10; b++) {
                        List<OrderDraft> batch = new ArrayList<>();
                        for (int k = 0; k < 100; k++) {
                            // every thread writes to the same ten customers, in its own order
                            long customer = ids.get((k * (thread + 1) + b) % 10);
                            batch.add(new OrderDraft("C" + thread + "-" + b + "-" + k, customer, null, null,
                                    "2026-06-" + (10 + k % 20) + "T10:00:00Z", (k % 9 == 0 ? "-" : "") + (k + 1) + ".00",
                                    k % 3 == 0 ? "EUR" : "USD", "web", null));
                        }
                        rejected += orders.ingest(batch).rejected();
                        // and corrections racing the inserts of the others
                        jdbc.sql("update orders set amount_minor = amount_minor + 1 where external_id like ?")
                                .param("C" + thread + "-" + b + "-1%").update();
                    }
                    return rejected;
                }));
            }
            for (var future : done) {
                assertThat(future.get()).isZero();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from orders").query(Long.class).single()).isEqualTo(4_000);
        assertThat(jdbc.sql("""
                select string_agg(d::text, '; ') from (
                    select customer_id, currency, orders, purchases, net_minor, last_purchase_at
                    from customer_purchase_totals
                    except
                    select customer_id, currency, count(*), count(*) filter (where amount_minor > 0), sum(amount_minor),
                           max(ordered_at) filter (where amount_minor > 0)
                    from orders group by customer_id, currency) d""").query(String.class).optional()).isEmpty();
    }
}
