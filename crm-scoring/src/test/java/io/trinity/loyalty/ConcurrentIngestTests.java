package io.trinity.loyalty;

import io.trinity.testing.Customers;
import static org.assertj.core.api.Assertions.assertThat;

import io.trinity.customer.CustomerDraft;
import io.trinity.customer.CustomerService;
import io.trinity.order.OrderDraft;
import io.trinity.order.OrderIngest;
import io.trinity.shared.BatchResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Eight clients sending the same 3,000 orders, each in its own order, at the same moment (the outside probe's
 * deadlock): every client gets an answer, none an exception, each order is stored once and earns its points once.
 */
@SpringBootTest
class ConcurrentIngestTests {

    @Autowired OrderIngest orders;
    @Autowired CustomerService customers;
    @Autowired RewardRules rules;
    @Autowired JdbcClient jdbc;

    @Test
    void theSameOrdersSentConcurrentlyInDifferentOrdersAreStoredOnceWithoutAFailure() throws Exception {
        String p = "CI-" + UUID.randomUUID().toString().substring(0, 8);
        for (int c = 0; c < 20; c++) {
            customers.create(Customers.customer(p + "-" + c).named("Con", "Current").draft());
        }
        RewardRule rule = rules.create(RuleDraft.builder().name("concurrent " + p).trigger("PURCHASE").priority("10")
                .store(p).effect("FIXED_POINTS").points("5").build(), "tester");
        rules.activate(rule.id(), "tester");
        try {
            Instant base = Instant.parse("2026-06-01T00:00:00Z");
            List<OrderDraft> batch = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                batch.add(new OrderDraft(p + "-O" + i, null, p + "-" + (i % 20), null, base.plusSeconds(i * 60L)
                        .toString(), (10 + i % 90) + ".00", "USD", "store", p));
            }
            int clients = 8;
            CyclicBarrier start = new CyclicBarrier(clients);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<BatchResult>> results = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                List<OrderDraft> mine = new ArrayList<>(batch);
                Collections.shuffle(mine, new Random(t));
                results.add(pool.submit(() -> {
                    start.await();
                    return orders.ingest(mine);
                }));
            }
            int created = 0;
            for (Future<BatchResult> result : results) {
                BatchResult r = result.get(); // throws if any client failed
                assertThat(r.rejected()).isZero();
                assertThat(r.created() + r.updated() + r.unchanged()).isEqualTo(3000);
                created += r.created();
            }
            pool.shutdown();
            assertThat(created).isEqualTo(3000);
            assertThat(jdbc.sql("select count(*) from orders where external_id like ?").param(p + "-O%")
                    .query(Long.class).single()).isEqualTo(3000);
            assertThat(jdbc.sql("select coalesce(sum(points), 0) from loyalty_ledger where rule_id = ?")
                    .param(rule.id()).query(Long.class).single()).isEqualTo(3000L * 5);
            assertThat(jdbc.sql("""
                    select count(*) from customer_purchase_totals t
                    join customer c on c.id = t.customer_id and c.external_id like ?
                    where t.orders <> (select count(*) from orders o where o.customer_id = t.customer_id
                                       and o.currency = t.currency)""").param(p + "-%").query(Long.class).single())
                    .isZero();
        } finally {
            rules.retire(rule.id(), "tester");
        }
    }
}
