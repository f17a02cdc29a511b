package io.trinity.scoring.web;

import static io.trinity.web.Requests.get;
import static io.trinity.web.Requests.postJson;
import static io.trinity.web.Requests.putJson;
import static io.trinity.web.Requests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.trinity.web.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * End to end through the public API: ingest orders and activities, run the scoring, read /value and the ranked
 * list. The shared test database holds other tests' customers too, so RFM scores are checked against an
 * independent SQL computation of the pinned definition over the same tables.
 */
@ApiTest
class ScoringApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void ingestRunAndReadTheExplainedValue() throws Exception {
        String p = unique("SC");
        for (String c : List.of("a", "b", "c")) {
            mvc.perform(postJson("integration", "/api/v1/customers", """
                    {"externalId": "%s-%s", "firstName": "F", "lastName": "L", "email": "%s-%s@example.com",
                     "marketingConsent": true}""".formatted(p, c, p, c))).andExpect(status().isCreated());
        }
        mvc.perform(postJson("integration", "/api/v1/orders", """
                [{"externalId": "%1$s-o1", "customerExternalId": "%1$s-a", "orderedAt": "2026-06-30T09:00:00Z",
                  "amount": "420.00", "currency": "USD", "channel": "store", "storeId": "ST-SEA"},
                 {"externalId": "%1$s-o2", "customerExternalId": "%1$s-a", "orderedAt": "2026-03-01T09:00:00Z",
                  "amount": "80.00", "currency": "EUR", "channel": "web"},
                 {"externalId": "%1$s-o3", "customerExternalId": "%1$s-b", "orderedAt": "2025-01-15T09:00:00Z",
                  "amount": "15.00", "currency": "USD", "channel": "web"}]""".formatted(p)))
                .andExpect(jsonPath("$.created").value(3));
        mvc.perform(postJson("integration", "/api/v1/activities", """
                [{"network": "x", "externalId": "%1$s-f1", "type": "FOLLOW", "occurredAt": "2026-06-01T00:00:00Z",
                  "actor": {"customerExternalId": "%1$s-b"}, "target": {"customerExternalId": "%1$s-a"}},
                 {"network": "x", "externalId": "%1$s-m1", "type": "MENTION", "occurredAt": "2026-06-20T00:00:00Z",
                  "actor": {"customerExternalId": "%1$s-a"}, "text": "@NorthwindOutfit great tent",
                  "metrics": {"likes": 40, "reposts": 3}}]""".formatted(p)))
                .andExpect(jsonPath("$.created").value(2));

        long runId = runAndWait("2026-06-30");

        long a = id(p + "-a");
        mvc.perform(get("marketing", "/api/v1/customers/" + a + "/value"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customerId").value(a))
                .andExpect(jsonPath("$.runId").value(runId))
                .andExpect(jsonPath("$.asOf").value("2026-06-30"))
                .andExpect(jsonPath("$.transaction.recencyDays").value(0))
                .andExpect(jsonPath("$.transaction.frequency").value(2))
                .andExpect(jsonPath("$.transaction.monetary").value(506.4)) // 420.00 + 80.00 EUR × 1.08
                .andExpect(jsonPath("$.transaction.currency").value("USD"))
                .andExpect(jsonPath("$.relationship.factors[0].name").exists())
                .andExpect(jsonPath("$.influence.pageRank").isNumber())
                .andExpect(jsonPath("$.segment").isString())
                .andExpect(jsonPath("$.explanation[0]").value(containsString("RFM")));

        // The pinned quintile definition, computed independently in SQL over the same run's population.
        Map<String, Object> reference = jdbc.sql("""
                with s as (select customer_id, recency_days, frequency, monetary_minor from customer_value
                           where run_id = ? and transaction_score is not null),
                     ranked as (select customer_id,
                         1 + (5 * (rank() over (order by recency_days desc) - 1)) / count(*) over () as r,
                         1 + (5 * (rank() over (order by frequency) - 1)) / count(*) over () as f,
                         1 + (5 * (rank() over (order by monetary_minor) - 1)) / count(*) over () as m from s)
                select r, f, m from ranked where customer_id = ?""").params(runId, a).query().singleRow();
        String body = mvc.perform(get("marketing", "/api/v1/customers/" + a + "/value")).andReturn().getResponse()
                .getContentAsString();
        assertThat(JsonPath.<Integer>read(body, "$.transaction.r")).isEqualTo(((Number) reference.get("r")).intValue());
        assertThat(JsonPath.<Integer>read(body, "$.transaction.f")).isEqualTo(((Number) reference.get("f")).intValue());
        assertThat(JsonPath.<Integer>read(body, "$.transaction.m")).isEqualTo(((Number) reference.get("m")).intValue());
        int r = JsonPath.read(body, "$.transaction.r");
        int f = JsonPath.read(body, "$.transaction.f");
        int m = JsonPath.read(body, "$.transaction.m");
        assertThat(JsonPath.<Double>read(body, "$.transaction.score"))
                .isCloseTo(100.0 * ((r - 1) + (f - 1) + (m - 1)) / 12, within(1e-9));
        double t = JsonPath.<Double>read(body, "$.transaction.score");
        double rel = ((Number) JsonPath.read(body, "$.relationship.score")).doubleValue();
        double inf = ((Number) JsonPath.read(body, "$.influence.score")).doubleValue();
        assertThat(((Number) JsonPath.read(body, "$.combined")).doubleValue())
                .isCloseTo(0.4 * t + 0.3 * rel + 0.3 * inf, within(1e-9));

        long c = id(p + "-c");
        mvc.perform(get("service", "/api/v1/customers/" + c + "/value"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.transaction").value(org.hamcrest.Matchers.nullValue()));
    }

    @Test
    void rankedListFollowsCombinedValueWithKeysetPaging() throws Exception {
        runAndWait("2026-06-30");
        String first = mvc.perform(get("marketing", "/api/v1/customers?sort=value&limit=5"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Double> combined = JsonPath.read(first, "$.items[*].combined");
        assertThat(combined).isSortedAccordingTo((x, y) -> Double.compare(y, x));
        String next = JsonPath.read(first, "$.next");
        if (next != null) {
            String second = mvc.perform(get("marketing", "/api/v1/customers?sort=value&limit=5&after=" + next))
                    .andReturn().getResponse().getContentAsString();
            List<Double> more = JsonPath.read(second, "$.items[*].combined");
            assertThat(more.get(0)).isLessThanOrEqualTo(combined.get(combined.size() - 1));
        }
        mvc.perform(get("marketing", "/api/v1/customers?sort=value&segment=Nonsense"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("segment"));
        mvc.perform(get("marketing", "/api/v1/customers?sort=shoe-size")).andExpect(status().isBadRequest());
    }

    @Test
    void aBadAsOfIsABadRequestAndAnUnknownRunIsNotFound() throws Exception {
        mvc.perform(postJson("admin", "/api/v1/scoring/runs", "{\"asOf\": \"30/06/2026\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("asOf"));
        mvc.perform(get("admin", "/api/v1/scoring/runs/987654")).andExpect(status().isNotFound());
    }

    @Test
    void aRunAsOfADayStillToComeIsRefusedAtOnce() throws Exception {
        mvc.perform(postJson("marketing", "/api/v1/scoring/runs", "{\"asOf\": \"%s\"}"
                        .formatted(java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
    }

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void aSecondRunWhileOneRunsIsAConflictNamingIt() throws Exception {
        long running = jdbc.sql("insert into scoring_run (as_of, status, weights_version) "
                + "values (current_date, 'running', 1) returning id").query(Long.class).single();
        // The process running it holds the run lock on a connection of its own.
        try (var owner = dataSource.getConnection()) {
            owner.createStatement().execute("select pg_advisory_lock(" + 0x5c0e + ", 0)");
            mvc.perform(postJson("marketing", "/api/v1/scoring/runs", "{}"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.runningRunId").value(running));
            owner.createStatement().execute("select pg_advisory_unlock_all()");
        } finally {
            jdbc.sql("update scoring_run set status = 'failed' where id = ?").param(running).update();
        }
    }

    @Test
    void weightsChangesAreVersionedAndAdminOnly() throws Exception {
        mvc.perform(putJson("marketing", "/api/v1/scoring/weights",
                "{\"transaction\": 1, \"relationship\": 1, \"influence\": 1}")).andExpect(status().isForbidden());
        mvc.perform(putJson("admin", "/api/v1/scoring/weights",
                "{\"transaction\": -1, \"relationship\": 1, \"influence\": 1}")).andExpect(status().isBadRequest());
        String body = mvc.perform(putJson("admin", "/api/v1/scoring/weights",
                        "{\"transaction\": 0.5, \"relationship\": 0.25, \"influence\": 0.25}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int version = JsonPath.read(body, "$.version");
        assertThat(version).isGreaterThan(1);
        mvc.perform(get("marketing", "/api/v1/scoring/weights"))
                .andExpect(jsonPath("$[0].version").value(version))
                .andExpect(jsonPath("$[0].createdBy").value("admin"));
        mvc.perform(putJson("admin", "/api/v1/scoring/weights",
                "{\"transaction\": 0.4, \"relationship\": 0.3, \"influence\": 0.3}")).andExpect(status().isOk());
    }

    private long runAndWait(String asOf) throws Exception {
        String started = mvc.perform(postJson("marketing", "/api/v1/scoring/runs", "{\"asOf\": \"" + asOf + "\"}"))
                .andExpect(status().isAccepted())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.status").value("running"))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(started, "$.id")).longValue();
        for (int i = 0; i < 600; i++) {
            String run = mvc.perform(get("marketing", "/api/v1/scoring/runs/" + id)).andReturn().getResponse()
                    .getContentAsString();
            String status = JsonPath.read(run, "$.status");
            if (!status.equals("running")) {
                assertThat(status).as(run).isEqualTo("succeeded");
                assertThat(JsonPath.<Integer>read(run, "$.progress")).isEqualTo(100);
                assertThat(JsonPath.<Object>read(run, "$.report.timingsMs.total")).isNotNull();
                return id;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("scoring run " + id + " did not finish in a minute");
    }

    private long id(String externalId) {
        return jdbc.sql("select id from customer where external_id = ?").param(externalId).query(Long.class).single();
    }
}
