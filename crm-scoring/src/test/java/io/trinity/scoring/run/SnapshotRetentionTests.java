package io.trinity.scoring.run;

import io.trinity.scoring.RunView;
import io.trinity.scoring.CustomerValues;
import io.trinity.scoring.ScoringRuns;
import static org.assertj.core.api.Assertions.assertThat;

import io.trinity.customer.CustomerDraft;
import io.trinity.customer.CustomerService;
import io.trinity.order.OrderDraft;
import io.trinity.order.OrderIngest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Old snapshots are dropped after a run succeeds; the newest {@code keep-runs} stay readable, records stay. */
@SpringBootTest(properties = "crm.scoring.keep-runs=2")
class SnapshotRetentionTests {

    @Autowired
    ScoringRuns runs;

    @Autowired
    CustomerValues values;

    @Autowired
    CustomerService customers;

    @Autowired
    OrderIngest orders;

    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyTheNewestSnapshotsAreKept() {
        jdbc.sql("truncate customer, orders, activity, social_identity, scoring_run, customer_value, customer_changed"
                + " cascade").update();
        long id = customers.create(new CustomerDraft("R1", "Rita", "Retained", "rita@example.com", null, null, null,
                null, null, false, "2020-01-01T00:00:00Z", null, null, null, null)).id();
        orders.ingest(List.of(new OrderDraft("R1-1", id, null, null, "2026-06-01T10:00:00Z", "20.00", "USD", "web",
                null)));
        RunView first = runs.runNow(LocalDate.parse("2026-06-28"), "test");
        RunView second = runs.runNow(LocalDate.parse("2026-06-29"), "test");
        RunView third = runs.runNow(LocalDate.parse("2026-06-30"), "test");
        assertThat(List.of(first.status(), second.status(), third.status())).containsOnly("succeeded");

        assertThat(jdbc.sql("select count(*) from pg_class where relname = ?")
                .param("customer_value_r" + first.id()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select distinct run_id from customer_value order by run_id").query(Long.class).list())
                .containsExactly(second.id(), third.id());
        assertThat(runs.find(first.id())).isPresent(); // the record and its report stay
        assertThat(values.valueOf(id).orElseThrow().runId()).isEqualTo(third.id());
        assertThat(values.valueOf(id).orElseThrow().transaction().recencyDays()).isEqualTo(29);
        assertThat(runs.dropOldSnapshots()).isZero();
    }
}
