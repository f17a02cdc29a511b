package io.trinity.duplicates.web;

import static io.trinity.web.Requests.get;
import static io.trinity.web.Requests.postJson;
import static io.trinity.web.Requests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.trinity.cases.ServiceCases;
import io.trinity.customer.CustomerMerges;
import io.trinity.customer.CustomerService;
import io.trinity.loyalty.LoyaltyAccounts;
import io.trinity.loyalty.Referrals;
import io.trinity.order.OrderIngest;
import io.trinity.testing.Customers;
import io.trinity.testing.Orders;
import io.trinity.web.ApiTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Merge and undo over the API, checked row by row over every table that references a customer (found from the
 * schema's foreign keys, so a new table is covered without touching this test).
 */
@ApiTest
class MergeApiTests {

    @Autowired MockMvc mvc;
    @Autowired CustomerService customers;
    @Autowired OrderIngest orders;
    @Autowired ServiceCases cases;
    @Autowired LoyaltyAccounts loyalty;
    @Autowired Referrals referrals;
    @Autowired CustomerMerges merges;
    @Autowired io.trinity.customer.CustomerNotes notes;
    @Autowired JdbcClient jdbc;

    /** Columns that point at a customer, per table, from the foreign keys. */
    Map<String, List<String>> customerColumns() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        jdbc.sql("""
                select c.conrelid::regclass::text, a.attname
                from pg_constraint c
                join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
                where c.contype = 'f' and c.confrelid = 'customer'::regclass
                  and c.conrelid::regclass::text not like 'customer_value%'
                order by 1, 2""").query((rs, n) -> columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(rs.getString(2))).list();
        return columns;
    }

    /** Every row of every customer-referencing table that names one of these customers, as text. */
    Map<String, List<String>> rowsOf(long... ids) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Long[] boxed = java.util.Arrays.stream(ids).boxed().toArray(Long[]::new);
        customerColumns().forEach((table, cols) -> {
            String where = String.join(" or ", cols.stream().map(c -> c + " = any(:ids)").toList());
            rows.put(table, jdbc.sql("select t::text from " + table + " t where " + where + " order by t::text")
                    .param("ids", boxed).query(String.class).list());
        });
        rows.put("customer", jdbc.sql("""
                select (id, external_id, first_name, last_name, email, phone, loyalty_number, city, country, street,
                        postal_code, region, birth_date, marketing_consent, consent_changed_at, status, merged_into)::text
                from customer where id = any(:ids) order by id""").param("ids", boxed).query(String.class).list());
        return rows;
    }

    long customer(Customers c) {
        return customers.create(c.draft()).id();
    }

    @Test
    void mergeMovesEverythingAndUndoPutsEveryRowBack() throws Exception {
        String tag = unique("M");
        long survivor = customer(Customers.kari(tag + "-A").loyaltyNumber(tag + "-L").at("Storgata 1", "0155",
                "Oslo", null, "NO"));
        long other = customer(Customers.customer(tag + "-B").named("K.", "Nordman").email(tag + "-b@example.no")
                .phone("+47 912 34 567").livingIn("Oslo", "NO"));
        long friend = customer(Customers.customer(tag + "-F").named("Ola", "Venn"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        orders.ingest(List.of(Orders.forCustomer(tag + "-O1", survivor, now.minus(3, ChronoUnit.DAYS), "40.00"),
                Orders.forCustomer(tag + "-O2", other, now.minus(2, ChronoUnit.DAYS), "25.00"),
                Orders.forCustomer(tag + "-O3", other, now.minus(1, ChronoUnit.DAYS), "15.00")));
        cases.open(other, null, "Parcel never arrived", "HIGH", null, "customer called", "service");
        notes.add(other, "Prefers e-mail", "service");
        loyalty.adjust(survivor, 100, "welcome", "loyalty");
        loyalty.adjust(other, 250, "store promotion", "loyalty");
        String code = referrals.codeFor(other);
        referrals.register(code, null, friend);
        long identity = jdbc.sql("""
                insert into social_identity (network, network_user_id, handle, customer_id, link_method, linked_at)
                values ('x', ?, ?, ?, 'MANUAL', now()) returning id""").params(tag, "kari_" + tag, other)
                .query(Long.class).single();
        jdbc.sql("""
                insert into activity (network, external_id, type, actor_customer_id, actor_identity_id, occurred_at,
                                      text)
                values ('x', ?, 'POST', ?, ?, now(), 'Love the new store!')""").params(tag + "-P", other, identity)
                .update();
        Map<String, List<String>> before = rowsOf(survivor, other, friend);

        String merged = mvc.perform(postJson("service", "/api/v1/customers/" + survivor + "/merge", """
                        {"otherId": %d, "fields": {"email": "other"}}""".formatted(other)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.survivorId").value(survivor))
                .andExpect(jsonPath("$.mergedId").value(other))
                .andExpect(jsonPath("$.moved.orders").value(2))
                .andExpect(jsonPath("$.moved.activities").value(1))
                .andExpect(jsonPath("$.moved.identities").value(1))
                .andExpect(jsonPath("$.moved.cases").value(1))
                .andExpect(jsonPath("$.moved.notes").value(1))
                .andExpect(jsonPath("$.moved.ledgerEntries").value(1))
                .andExpect(jsonPath("$.moved.referrals").value(1))
                .andReturn().getResponse().getContentAsString();
        long mergeId = ((Number) JsonPath.read(merged, "$.mergeId")).longValue();

        // The merged customer's id, external id and e-mail all answer with the survivor.
        mvc.perform(get("service", "/api/v1/customers/" + other)).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(survivor))
                .andExpect(jsonPath("$.email").value(tag + "-b@example.no"))
                .andExpect(jsonPath("$.loyaltyNumber").value(tag + "-L"));
        mvc.perform(get("service", "/api/v1/customers?externalId=" + tag + "-B"))
                .andExpect(jsonPath("$.items[0].id").value(survivor))
                .andExpect(jsonPath("$.items.length()").value(1));
        mvc.perform(get("service", "/api/v1/customers?email=" + tag + "-b@example.no"))
                .andExpect(jsonPath("$.items[0].id").value(survivor));
        // Points: one balance, the sum of every entry of both, nothing lost or doubled.
        assertThat(loyalty.balance(survivor)).isEqualTo(350).isEqualTo(loyalty.ledgerSum(survivor));
        assertThat(loyalty.balance(other)).isZero().isEqualTo(loyalty.ledgerSum(other));
        assertThat(jdbc.sql("select sum(net_minor) from customer_purchase_totals where customer_id = ?")
                .param(survivor).query(Long.class).single()).isEqualTo(8000);
        // Ingest that names the merged customer lands on the survivor.
        orders.ingest(List.of(Orders.web(tag + "-O4", tag + "-B", now, "10.00")));
        assertThat(jdbc.sql("select customer_id from orders where external_id = ?").param(tag + "-O4")
                .query(Long.class).single()).isEqualTo(survivor);
        // No row anywhere still belongs to the merged customer, except the merge record itself and the rescoring
        // queue entry that takes it out of the rankings.
        Set<String> history = Set.of("customer_merge", "customer", "duplicate_audit", "customer_changed",
                "customer_audit");
        rowsOf(other).forEach((table, rows) -> {
            if (!history.contains(table)) {
                assertThat(rows).as(table + " rows of the merged customer").isEmpty();
            }
        });
        // A second merge of the merged customer is refused.
        mvc.perform(postJson("service", "/api/v1/customers/" + friend + "/merge", """
                        {"otherId": %d}""".formatted(other))).andExpect(status().isConflict());
        // Undo is for admins.
        mvc.perform(postJson("service", "/api/v1/merges/" + mergeId + "/undo", "{}"))
                .andExpect(status().isForbidden());

        mvc.perform(postJson("admin", "/api/v1/merges/" + mergeId + "/undo", "{}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.undoneBy").value("admin"));
        mvc.perform(postJson("admin", "/api/v1/merges/" + mergeId + "/undo", "{}"))
                .andExpect(status().isConflict());

        // Every row as it was, except the order that arrived after the merge (it stays with the survivor).
        jdbc.sql("delete from orders where external_id = ?").param(tag + "-O4").update();
        Map<String, List<String>> after = rowsOf(survivor, other, friend);
        for (String table : before.keySet()) {
            // History of the merge itself, and the rescoring queue, are not undone.
            if (Set.of("customer_merge", "duplicate_audit", "loyalty_tier_change", "customer_changed")
                    .contains(table)) {
                continue;
            }
            assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
        }
        assertThat(loyalty.balance(other)).isEqualTo(250);
        assertThat(loyalty.balance(survivor)).isEqualTo(100);
    }

    @Test
    void chainsResolveToTheLastSurvivor() throws Exception {
        String tag = unique("CH");
        long a = customer(Customers.customer(tag + "-A").named("Ana", "García"));
        long b = customer(Customers.customer(tag + "-B").named("Ana", "Garcia"));
        long c = customer(Customers.customer(tag + "-C").named("Ana", "Garcia Lopez"));
        merges.merge(b, a, null, CustomerMerges.Origin.byHand("service"));
        merges.merge(c, b, null, CustomerMerges.Origin.byHand("service"));
        mvc.perform(get("marketing", "/api/v1/customers/" + a)).andExpect(jsonPath("$.id").value(c));
        mvc.perform(get("marketing", "/api/v1/customers?externalId=" + tag + "-A"))
                .andExpect(jsonPath("$.items[0].id").value(c));
        // Undoing the first merge needs the second undone first.
        long first = merges.mergesOf(a).get(0).id();
        mvc.perform(postJson("admin", "/api/v1/merges/" + first + "/undo", "{}")).andExpect(status().isConflict());
    }

    @Test
    void overlappingMergesEndInOneMergeAndCleanConflicts() throws Exception {
        String tag = unique("OV");
        long a = customer(Customers.customer(tag + "-A").named("Wei", "Chen"));
        long b = customer(Customers.customer(tag + "-B").named("Wei", "Chen"));
        long c = customer(Customers.customer(tag + "-C").named("Wei", "Chen"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> calls = List.of(
                    () -> mvc.perform(postJson("service", "/api/v1/customers/" + a + "/merge",
                            "{\"otherId\": " + b + "}")).andReturn().getResponse().getStatus(),
                    () -> mvc.perform(postJson("service", "/api/v1/customers/" + c + "/merge",
                            "{\"otherId\": " + b + "}")).andReturn().getResponse().getStatus());
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void pastTheWindowAnUndoIsRefused() throws Exception {
        String tag = unique("WIN");
        long a = customer(Customers.customer(tag + "-A").named("Emma", "Walsh"));
        long b = customer(Customers.customer(tag + "-B").named("Emma", "Walsh"));
        long mergeId = merges.merge(a, b, null, CustomerMerges.Origin.byHand("service")).mergeId();
        jdbc.sql("update customer_merge set merged_at = now() - interval '91 days' where id = ?").param(mergeId)
                .update();
        mvc.perform(postJson("admin", "/api/v1/merges/" + mergeId + "/undo", "{}")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("undo window")));
        assertThat(merges.purgeExpiredJournals()).isPositive();
    }

    @Test
    void mergeInputIsChecked() throws Exception {
        String tag = unique("IN");
        long a = customer(Customers.customer(tag + "-A").named("Zoë", "Ångström"));
        mvc.perform(postJson("service", "/api/v1/customers/" + a + "/merge", "{}")).andExpect(status().isBadRequest());
        mvc.perform(postJson("service", "/api/v1/customers/" + a + "/merge", "{\"otherId\": " + a + "}"))
                .andExpect(status().isBadRequest());
        mvc.perform(postJson("service", "/api/v1/customers/" + a + "/merge", "{\"otherId\": 999999999}"))
                .andExpect(status().isNotFound());
        mvc.perform(postJson("integration", "/api/v1/customers/" + a + "/merge", "{\"otherId\": 1}"))
                .andExpect(status().isForbidden());
    }
}
