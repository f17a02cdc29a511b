package io.trinity.scoring.run;

import io.trinity.scoring.RunInProgressException;
import io.trinity.scoring.RunView;
import io.trinity.scoring.CustomerValue;
import io.trinity.scoring.CustomerValues;
import io.trinity.scoring.ScoringRuns;
import io.trinity.scoring.SegmentRuleBook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.trinity.activity.ActivityDraft;
import io.trinity.activity.ActivityIngest;
import io.trinity.customer.CustomerDraft;
import io.trinity.customer.CustomerService;
import io.trinity.order.OrderDraft;
import io.trinity.order.OrderIngest;
import io.trinity.shared.BatchResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Full and incremental runs on a small base whose every score was computed by hand. Each test starts from an
 * empty customer base (this module's tests own their database).
 */
@SpringBootTest
class ScoringRunTests {

    static final LocalDate AS_OF = LocalDate.parse("2026-06-30");

    @Autowired
    ScoringRuns runs;

    @Autowired
    CustomerValues values;

    @Autowired
    IncrementalRescorer incremental;

    @Autowired
    CustomerService customers;

    @Autowired
    OrderIngest orders;

    @Autowired
    ActivityIngest activities;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    Map<String, Long> ids = new HashMap<>();

    @BeforeEach
    void aSmallBase() {
        jdbc.sql("truncate customer, orders, activity, social_identity, scoring_run, customer_value, customer_changed"
                + " cascade").update();
        for (String name : List.of("A", "B", "C", "D", "E", "F", "G")) {
            ids.put(name, customers.create(new CustomerDraft(name, name, "Tester", name.toLowerCase() + "@example.com",
                    null, null, null, null, null, false, "2020-01-01T00:00:00Z", null, null, null, null)).id());
        }
        BatchResult result = orders.ingest(List.of(
                order("A1", "A", "2026-06-30T23:59:59Z", "100.00", "USD"),
                order("A2", "A", "2026-06-14T10:00:00Z", "50.00", "USD"),
                order("B1", "B", "2025-07-01T00:00:00Z", "10.00", "USD"),
                order("C1", "C", "2024-07-01T00:00:00Z", "200.00", "NOK"),
                order("C0", "C", "2024-06-30T23:59:59Z", "999.00", "USD"), // one day outside the window
                order("D1", "D", "2026-05-01T12:00:00Z", "300.00", "USD"),
                order("D1-R", "D", "2026-05-10T12:00:00Z", "-300.00", "USD"), // a refund
                order("F1", "F", "2026-06-01T12:00:00Z", "80.00", "CHF"), // no rate configured for CHF
                order("G1", "G", "2026-07-01T00:00:00Z", "80.00", "USD"))); // after asOf
        assertThat(result.rejected()).isZero();
    }

    static OrderDraft order(String id, String customer, String at, String amount, String currency) {
        return new OrderDraft(id, null, customer, null, at, amount, currency, "web", null);
    }

    @Test
    void rfmFollowsThePinnedDefinitionsExactly() {
        RunView run = runs.runNow(AS_OF, "test");
        assertThat(run.status()).isEqualTo("succeeded");
        assertThat(run.reportJson()).contains("\"ordersWithoutRate\": 1", "\"transactionScored\": 4");

        // recency 0 / 364 / 729 / 60 days; frequency 2 / 1 / 1 / 1; net 150.00 / 10.00 / 18.60 / 0.00 USD
        CustomerValue.Transaction a = transaction("A");
        assertThat(a.recencyDays()).isZero();
        assertThat(a.frequency()).isEqualTo(2);
        assertThat(a.monetaryMinor()).isEqualTo(15_000);
        assertThat(a.rfm()).isEqualTo("444");
        assertThat(a.score()).isCloseTo(75, within(1e-9));

        CustomerValue.Transaction b = transaction("B");
        assertThat(b.recencyDays()).isEqualTo(364);
        assertThat(b.rfm()).isEqualTo("212");
        assertThat(b.score()).isCloseTo(100.0 * 2 / 12, within(1e-9));

        CustomerValue.Transaction c = transaction("C");
        assertThat(c.recencyDays()).isEqualTo(729);
        assertThat(c.monetaryMinor()).isEqualTo(1_860); // 200.00 NOK × 0.093
        assertThat(c.rfm()).isEqualTo("113");

        CustomerValue.Transaction d = transaction("D");
        assertThat(d.recencyDays()).isEqualTo(60); // the refund is not a purchase
        assertThat(d.frequency()).isEqualTo(1);
        assertThat(d.monetaryMinor()).isZero(); // but it is netted
        assertThat(d.rfm()).isEqualTo("311");

        for (String unscored : List.of("E", "F", "G")) {
            assertThat(values.valueOf(ids.get(unscored)).orElseThrow().transaction()).as(unscored).isNull();
        }
    }

    @Autowired
    SegmentRuleBook segmentBook;

    static java.util.List<java.util.List<Double>> thresholds(java.util.List<io.trinity.scoring.SegmentRule> rules) {
        java.util.List<java.util.List<Double>> values = new java.util.ArrayList<>();
        rules.forEach(r -> values.add(new java.util.ArrayList<>(r.conditions().stream().map(c -> c.value()).toList())));
        return values;
    }

    @Test
    void changedSegmentThresholdsApplyFromTheNextRunAndEachRunExplainsWithItsOwn() {
        RunView before = runs.runNow(AS_OF, "test");
        var limits = thresholds(io.trinity.scoring.value.Segments.DEFAULT);
        int promising = 5;
        assertThat(io.trinity.scoring.value.Segments.DEFAULT.get(promising).name()).isEqualTo("Promising");
        limits.get(promising).set(0, 0.0);
        try {
            var changed = segmentBook.change(limits, "admin");
            RunView after = runs.runNow(AS_OF, "test");
            assertThat(segmentBook.forRun(after.id()).version()).isEqualTo(changed.version());
            assertThat(segmentBook.forRun(before.id()).version()).isZero();
            long promisingNow = jdbc.sql("select count(*) from customer_value where run_id = ? and segment = 'Promising'")
                    .param(after.id()).query(Long.class).single();
            long promisingBefore = jdbc.sql("select count(*) from customer_value where run_id = ?"
                    + " and segment = 'Promising'").param(before.id()).query(Long.class).single();
            assertThat(promisingNow).isGreaterThan(promisingBefore);
            assertThat(jdbc.sql("select count(*) from customer_value where run_id = ? and segment in ('Dormant', 'Others')")
                    .param(after.id()).query(Long.class).single()).as("nobody falls through to the last rules")
                    .isZero();
            long someone = jdbc.sql("select customer_id from customer_value where run_id = ? and segment = 'Promising'"
                    + " limit 1").param(after.id()).query(Long.class).single();
            assertThat(values.valueOf(someone).orElseThrow().explanation())
                    .contains("Segment Promising: combined ≥ 0");
        } finally {
            segmentBook.change(thresholds(io.trinity.scoring.value.Segments.DEFAULT), "test");
        }
    }

    @Test
    void combinedValueSegmentAndExplanationTravelTogether() {
        runs.runNow(AS_OF, "test");
        CustomerValue a = values.valueOf(ids.get("A")).orElseThrow();
        double expected = (0.4 * a.transaction().score() + 0.3 * a.relationship().score()
                + 0.3 * a.influence().score());
        assertThat(a.combined()).isCloseTo(expected, within(1e-9));
        assertThat(a.relationship().factors()).isNotEmpty();
        assertThat(a.relationship().factors().stream().mapToDouble(f -> f.points()).sum())
                .isCloseTo(a.relationship().score(), within(0.05));
        assertThat(a.explanation()).anyMatch(line -> line.startsWith("Transaction 75.0: RFM 444"));
        assertThat(a.explanation()).anyMatch(line -> line.startsWith("Segment " + a.segment()));
        CustomerValue e = values.valueOf(ids.get("E")).orElseThrow();
        assertThat(e.combined()).isCloseTo(0.3 * e.relationship().score() + 0.3 * e.influence().score(),
                within(1e-9));
    }

    @Test
    void rankedListIsOrderedByCombinedValueAndPagesWithoutOverlap() {
        runs.runNow(AS_OF, "test");
        List<CustomerValues.Ranked> all = new ArrayList<>();
        String after = null;
        do {
            var page = values.ranked(null, 3, after);
            all.addAll(page.items());
            after = page.next();
        } while (after != null);
        assertThat(all).hasSize(7);
        for (int i = 1; i < all.size(); i++) {
            CustomerValues.Ranked before = all.get(i - 1);
            CustomerValues.Ranked here = all.get(i);
            assertThat(before.combined() > here.combined()
                    || (before.combined() == here.combined() && before.customerId() > here.customerId())).isTrue();
        }
        assertThat(all.get(0).externalId()).isEqualTo("A");
    }

    @Test
    void movesBetweenSegmentsAreCountedBetweenRuns() {
        runs.runNow(AS_OF, "test");
        assertThat(values.movements()).isEmpty();
        String before = values.valueOf(ids.get("E")).orElseThrow().segment();
        orders.ingest(List.of(order("E9", "E", "2026-06-30T10:00:00Z", "5000.00", "USD"),
                order("E8", "E", "2026-06-29T10:00:00Z", "5000.00", "USD"),
                order("E7", "E", "2026-06-28T10:00:00Z", "5000.00", "USD")));
        runs.runNow(AS_OF, "test");
        String after = values.valueOf(ids.get("E")).orElseThrow().segment();
        assertThat(after).isNotEqualTo(before);
        assertThat(values.movements()).anySatisfy(m -> {
            assertThat(m.from()).isEqualTo(before);
            assertThat(m.to()).isEqualTo(after);
            assertThat(m.customers()).isPositive();
        });
    }

    @Test
    void aSecondRunWhileOneIsRunningIsRefused() throws Exception {
        long running = jdbc.sql("insert into scoring_run (as_of, status, weights_version) values (current_date,"
                + " 'running', 1) returning id").query(Long.class).single();
        // A live process owns it: it holds the run lock on a connection of its own.
        try (var owner = dataSource.getConnection()) {
            owner.createStatement().execute("select pg_advisory_lock(" + ScoringRuns.RUN_LOCK + ", 0)");
            assertThatThrownBy(() -> runs.runNow(AS_OF, "test")).isInstanceOf(RunInProgressException.class)
                    .satisfies(e -> assertThat(((RunInProgressException) e).runningId()).isEqualTo(running));
            assertThat(runs.reclaimStale()).as("a live run is not reclaimed").isZero();
            owner.createStatement().execute("select pg_advisory_unlock(" + ScoringRuns.RUN_LOCK + ", 0)");
        }
        jdbc.sql("update scoring_run set status = 'failed' where id = ?").param(running).update();
    }

    @Test
    void aRunWhoseProcessDiedIsReclaimedAtStartUpWithoutWaitingForItsHeartbeat() {
        RunView first = runs.runNow(AS_OF, "test");
        // Killed a second ago: its heartbeat is fresh, but nobody holds the run lock any more.
        long orphan = jdbc.sql("insert into scoring_run (as_of, status, weights_version, heartbeat_at)"
                + " values (current_date, 'running', 1, now()) returning id").query(Long.class).single();

        assertThat(runs.reclaimStale()).isEqualTo(1);

        assertThat(jdbc.sql("select status from scoring_run where id = ?").param(orphan).query(String.class).single())
                .isEqualTo("failed");
        assertThat(runs.currentRunId()).hasValue(first.id());
        assertThat(runs.runNow(AS_OF, "test").status()).isEqualTo("succeeded");
    }

    @Test
    void aKilledRunLeavesThePreviousResultsAndIsReclaimed() {
        RunView first = runs.runNow(AS_OF, "test");
        double before = values.valueOf(ids.get("A")).orElseThrow().combined();
        // A run that died half-way: still "running", no heartbeat for minutes, some rows written.
        long killed = jdbc.sql("""
                        insert into scoring_run (as_of, status, weights_version, heartbeat_at)
                        values (current_date, 'running', 1, now() - interval '10 minutes') returning id""")
                .query(Long.class).single();
        jdbc.sql("create table customer_value_r" + killed + " partition of customer_value for values in ("
                + killed + ")").update();
        jdbc.sql("""
                insert into customer_value (run_id, customer_id, profile_fields, consent, preferences,
                    linked_identities, reviews, conversations, referrals, checkins, relationship_score, followers,
                    posts_per_30d, engagement_per_post, amplification, page_rank, influence_score, combined, segment)
                values (?, ?, 0, false, false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 99, 'Garbage')""")
                .params(killed, ids.get("A")).update();

        assertThat(runs.currentRunId()).hasValue(first.id());
        assertThat(values.valueOf(ids.get("A")).orElseThrow().combined()).isEqualTo(before);

        RunView next = runs.runNow(AS_OF, "test");
        assertThat(next.status()).isEqualTo("succeeded");
        assertThat(runs.find(killed).orElseThrow().status()).isEqualTo("failed");
        assertThat(jdbc.sql("select count(*) from customer_value where run_id = ?").param(killed).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("select to_regclass(?)").param("customer_value_r" + killed).query(String.class)
                .optional()).isEmpty();
    }

    @Test
    void newOrdersAreRescoredIncrementallyAgainstTheRunsThresholds() {
        runs.runNow(AS_OF, "test");
        assertThat(values.valueOf(ids.get("E")).orElseThrow().transaction()).isNull();
        orders.ingest(List.of(order("E1", "E", "2026-06-29T10:00:00Z", "500.00", "USD")));

        assertThat(incremental.refresh(100)).isGreaterThanOrEqualTo(1);

        CustomerValue.Transaction e = values.valueOf(ids.get("E")).orElseThrow().transaction();
        assertThat(e).isNotNull();
        // Against the run's boundaries: R4 starts at 0 days (A), R3 at 60 days (D), so 1 day is R3; one purchase
        // is F1; 500.00 is past the M4 boundary (A's 150.00) and no one reached M5 among four customers -> M4.
        assertThat(e.recencyDays()).isEqualTo(1);
        assertThat(e.rfm()).isEqualTo("314");
        assertThat(incremental.refresh(100)).isZero();
    }

    @Test
    void activityRaisesRelationshipAndTheGraphGivesCentrality() {
        activities.ingest(List.of(
                activity("f1", "B", "FOLLOW", "A"), activity("f2", "C", "FOLLOW", "A"),
                activity("f3", "D", "FOLLOW", "A"), activity("f4", "A", "FOLLOW", "B"),
                activity("r1", "B", "REVIEW", null)));
        runs.runNow(AS_OF, "test");
        CustomerValue a = values.valueOf(ids.get("A")).orElseThrow();
        CustomerValue e = values.valueOf(ids.get("E")).orElseThrow();
        assertThat(a.influence().pageRank()).isGreaterThan(values.valueOf(ids.get("C")).orElseThrow()
                .influence().pageRank());
        assertThat(e.influence().pageRank()).isZero();
        assertThat(values.valueOf(ids.get("B")).orElseThrow().relationship().score())
                .isGreaterThan(e.relationship().score());
    }

    private ActivityDraft activity(String id, String actor, String type, String target) {
        return new ActivityDraft("x", id, type, "2026-06-01T00:00:00Z",
                new ActivityDraft.Actor(null, actor, null, null, null),
                target == null ? null : new ActivityDraft.Target(null, target, null, null), null, null, null);
    }

    private CustomerValue.Transaction transaction(String name) {
        return values.valueOf(ids.get(name)).orElseThrow().transaction();
    }
}
