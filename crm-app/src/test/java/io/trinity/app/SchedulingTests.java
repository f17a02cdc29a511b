package io.trinity.app;

import io.trinity.testing.Orders;
import io.trinity.testing.Customers;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.trinity.customer.CustomerDraft;
import io.trinity.customer.CustomerService;
import io.trinity.order.OrderDraft;
import io.trinity.order.OrderIngest;
import io.trinity.scoring.ScoringRuns;
import io.trinity.social.connection.ConnectionDraft;
import io.trinity.social.connection.Connections;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Scheduled work of different features runs side by side: while a social sync hangs on a slow network, incremental
 * rescoring still picks up a new order within seconds (with one scheduler thread it waited for the sync).
 */
@SpringBootTest(properties = {"crm.social.scheduler-delay=200ms", "crm.scoring.incremental-delay=200ms",
    "crm.scoring.incremental-initial-delay=200ms", "crm.social.key-file=target/test-credentials.key"})
class SchedulingTests {

    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final CountDownLatch SYNC_HANGING = new CountDownLatch(1);
    static final HttpServer SLOW_NETWORK = slowNetwork();

    static HttpServer slowNetwork() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                SYNC_HANGING.countDown();
                try {
                    RELEASE.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                byte[] body = "{\"meta\": {\"result_count\": 0}}".getBytes();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void network(DynamicPropertyRegistry registry) {
        registry.add("crm.social.x.base-url", () -> "http://127.0.0.1:" + SLOW_NETWORK.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        RELEASE.countDown();
        SLOW_NETWORK.stop(0);
    }

    @Autowired Connections connections;
    @Autowired CustomerService customers;
    @Autowired OrderIngest orders;
    @Autowired ScoringRuns runs;
    @Autowired JdbcClient jdbc;

    @Test
    void aHangingSocialSyncDoesNotHoldUpIncrementalRescoring() throws Exception {
        String p = "SCHED-" + UUID.randomUUID().toString().substring(0, 8);
        runs.runNow(LocalDate.now(ZoneOffset.UTC), "test");
        long connection = connections.create(new ConnectionDraft("x", "1398275640213458944", p,
                Map.of("bearerToken", "AAAAtest"), "PT1H")).id();
        try {
            assertThat(SYNC_HANGING.await(20, TimeUnit.SECONDS)).as("the scheduled sync reached the network").isTrue();
            long id = customers.create(Customers.customer(p).named("Sched", "Uler").draft()).id();
            orders.ingest(List.of(Orders.forCustomer(p + "-1", id, java.time.Instant.now().minusSeconds(60), "42.00")));

            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            boolean rescored = false;
            while (!rescored && System.nanoTime() < deadline) {
                rescored = jdbc.sql("select count(*) from customer_changed where customer_id = ?").param(id)
                        .query(Long.class).single() == 0;
                Thread.sleep(100);
            }
            assertThat(rescored).as("rescored while the sync still hangs").isTrue();
            assertThat(jdbc.sql("select status from social_sync where connection_id = ? order by id desc limit 1")
                    .param(connection).query(String.class).single()).isEqualTo("running");
        } finally {
            RELEASE.countDown();
            connections.setStatus(connection, "paused");
        }
    }
}
