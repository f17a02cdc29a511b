package io.trinity.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trinity.customer.CustomerDraft;
import io.trinity.customer.CustomerService;
import io.trinity.order.OrderDraft;
import io.trinity.order.OrderIngest;
import io.trinity.shared.ConflictException;
import io.trinity.scoring.ScoringRuns;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Ranked lists, audiences, export and campaigns over a real run on a known base of 40 customers. */
@SpringBootTest
class AudiencesAndCampaignsTests {

    @Autowired Audiences audiences;
    @Autowired Campaigns campaigns;
    @Autowired ScoringRuns runs;
    @Autowired CustomerService customers;
    @Autowired OrderIngest orders;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void aKnownBase() {
        jdbc.sql("truncate customer, orders, activity, social_identity, scoring_run, customer_value, customer_changed,"
                + " audience, campaign, campaign_contact cascade").update();
        List<OrderDraft> drafts = new ArrayList<>();
        Instant recent = Instant.now().minus(3, ChronoUnit.DAYS);
        for (int i = 1; i <= 40; i++) {
            String id = "AC-%02d".formatted(i);
            customers.create(new CustomerDraft(id, i == 7 ? "=cmd|' /C calc'!A0" : "Name" + i, "Tester", id
                    + "@example.com", null, null, null, i % 2 == 0 ? "Oslo" : "Seattle", i % 2 == 0 ? "NO" : "US",
                    i % 4 != 0, null, null, null, null, null));
            for (int k = 0; k < 1 + i % 5; k++) {
                drafts.add(new OrderDraft(id + "-o" + k, null, id, null, recent.minus(i * 3L + k, ChronoUnit.DAYS)
                        .toString(), (10 + i * 7) + ".00", "USD", "web", null));
            }
        }
        assertThat(orders.ingest(drafts).rejected()).isZero();
        runs.runNow(LocalDate.now(ZoneOffset.UTC), "test");
    }

    List<AudienceMember> all(AudienceFilter f, int pageSize) {
        List<AudienceMember> members = new ArrayList<>();
        String after = null;
        do {
            var page = audiences.browse(f, pageSize, after);
            members.addAll(page.items());
            after = page.next();
        } while (after != null);
        return members;
    }

    @Test
    void keysetPagesCoverEveryoneOnceInScoreOrder() {
        for (String sort : AudienceFilter.SORTS) {
            AudienceFilter f = new AudienceFilter(sort, null, null, null, null, null, null, null, null, false, null);
            List<AudienceMember> members = all(f, 7);
            assertThat(members).as(sort).hasSize(40);
            assertThat(new HashSet<>(members.stream().map(AudienceMember::customerId).toList())).hasSize(40);
            List<Double> scores = members.stream().map(m -> switch (sort) {
                case "transaction" -> m.transaction();
                case "relationship" -> m.relationship();
                case "influence" -> m.influence();
                default -> m.combined();
            }).toList();
            assertThat(scores).as(sort).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        }
    }

    @Test
    void filtersNarrowTheListAndCountsStopAtTheCap() {
        AudienceFilter norway = AudienceFilter.parse(Map.of("country", "NO", "consent", "given"));
        List<AudienceMember> members = all(norway, 50);
        assertThat(members).hasSize(10).allSatisfy(m -> {
            assertThat(m.country()).isEqualTo("NO");
            assertThat(m.consent()).isTrue();
        });
        assertThat(audiences.countLabel(norway)).isEqualTo("10");
        AudienceFilter high = AudienceFilter.parse(Map.of("minValue", "50"));
        assertThat(all(high, 50)).allSatisfy(m -> assertThat(m.combined()).isGreaterThanOrEqualTo(50));
        assertThat(audiences.countLabel(AudienceFilter.ALL)).isEqualTo("40");
        assertThat(all(AudienceFilter.parse(Map.of("q", "name1")), 50)).extracting(AudienceMember::externalId)
                .as("first-name prefix").containsExactlyInAnyOrder("AC-01", "AC-10", "AC-11", "AC-12", "AC-13", "AC-14",
                        "AC-15", "AC-16", "AC-17", "AC-18", "AC-19");
        assertThat(all(AudienceFilter.parse(Map.of("q", "AC-23")), 50)).extracting(AudienceMember::externalId)
                .containsExactly("AC-23");
        assertThat(all(AudienceFilter.parse(Map.of("q", "%")), 50)).as("a LIKE wildcard is searched as text")
                .isEmpty();
    }

    @Test
    void theExportLeavesOutCustomersWithoutConsentAndDefusesFormulas() {
        StringWriter out = new StringWriter();
        Audiences.Exported exported = audiences.export(AudienceFilter.ALL, out);
        assertThat(exported.rows()).isEqualTo(30);
        assertThat(exported.withoutConsent()).isEqualTo(10);
        String[] lines = out.toString().split("\r\n");
        assertThat(lines[0]).startsWith("external_id,first_name,last_name,email,phone,loyalty_number,city,country,"
                + "segment,combined");
        // Counted before the export starts (for its file name), the same figures.
        assertThat(audiences.exportCounts(AudienceFilter.ALL)).isEqualTo(exported);
        assertThat(lines).hasSize(31);
        assertThat(out.toString()).contains("'=cmd|").doesNotContain("AC-04,", "AC-08,");
    }

    @Test
    void aCampaignLaunchesOnceWithAStableHoldoutAndComparesTheGroups() {
        Audience audience = audiences.save("Everyone", AudienceFilter.ALL, "marketer");
        assertThat(audiences.get(audience.id()).filter()).isEqualTo(AudienceFilter.ALL);
        Campaign c = campaigns.create("Spring boots", audience.id(), "email", "New boots are in.", null, 25,
                LocalDate.now(ZoneOffset.UTC).minusDays(30).toString(), LocalDate.now(ZoneOffset.UTC).plusDays(1)
                        .toString(), "marketer");
        assertThat(campaigns.launch(c.id())).isEqualTo(30);
        assertThatThrownBy(() -> campaigns.launch(c.id())).isInstanceOf(ConflictException.class);
        long holdout = jdbc.sql("select count(*) from campaign_contact where campaign_id = ? and holdout")
                .param(c.id()).query(Long.class).single();
        // Exactly a quarter of 30, rounded: 8 (7.5 rounds up), and the split the plain-Java rule gives.
        List<Long> members = jdbc.sql("select customer_id from campaign_contact where campaign_id = ?")
                .param(c.id()).query(Long.class).list();
        List<Long> held = jdbc.sql("select customer_id from campaign_contact where campaign_id = ? and holdout")
                .param(c.id()).query(Long.class).list();
        assertThat(holdout).isEqualTo(8);
        assertThat(new java.util.HashSet<>(held)).isEqualTo(HoldoutSplit.holdout(c.id(), members, 25));
        CampaignResults results = campaigns.results(c.id());
        assertThat(results.contacted().customers() + results.holdout().customers()).isEqualTo(30);
        long contactedBuyers = jdbc.sql("""
                select count(*) from campaign_contact cc where cc.campaign_id = ? and not cc.holdout
                   and exists (select 1 from orders o where o.customer_id = cc.customer_id and o.amount_minor > 0
                               and o.ordered_at >= ?::date)""")
                .params(c.id(), LocalDate.now(ZoneOffset.UTC).minusDays(30)).query(Long.class).single();
        assertThat(results.contacted().buyers()).isEqualTo(contactedBuyers);
        assertThat(results.conversionLift()).isEqualTo(CampaignResults.lift(results.contacted().conversionRate(),
                results.holdout().conversionRate()));
        // The response curve: one point a day over the window so far, never falling, ending at the share of the
        // group that responded in the window.
        Campaigns.ResponseCurve curve = campaigns.responseOverTime(c.id());
        assertThat(curve.days()).hasSize(31).startsWith(LocalDate.now(ZoneOffset.UTC).minusDays(30));
        assertThat(curve.contacted()).isSorted();
        assertThat(curve.holdout()).isSorted();
        assertThat(curve.contacted().get(30)).isCloseTo(Math.round(1000.0 * results.contacted().responders()
                / results.contacted().customers()) / 10.0, org.assertj.core.data.Offset.offset(0.05));
        Set<Long> noConsent = new HashSet<>(jdbc.sql("select id from customer where not marketing_consent")
                .query(Long.class).list());
        assertThat(jdbc.sql("select customer_id from campaign_contact where campaign_id = ?").param(c.id())
                .query(Long.class).list()).doesNotContainAnyElementsOf(noConsent);
    }
}
