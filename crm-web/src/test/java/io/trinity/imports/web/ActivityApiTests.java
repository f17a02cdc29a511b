package io.trinity.imports.web;

import static io.trinity.web.Requests.postJson;
import static io.trinity.web.Requests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.trinity.web.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@ApiTest
class ActivityApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void activitiesByCustomersAndByNetworkIdentitiesAreStoredOnce() throws Exception {
        String customer = unique("ACT-CUST");
        String p = unique("A");
        mvc.perform(postJson("integration", "/api/v1/customers", "{\"externalId\": \"" + customer + "\"}"))
                .andExpect(status().isCreated());
        String batch = """
                [
                  {"network": "x", "externalId": "%1$s-1", "type": "POST", "occurredAt": "2026-11-22T19:12:44.000Z",
                   "actor": {"customerExternalId": "%2$s"}, "text": "Sunrise paddle 🛶",
                   "metrics": {"likes": 12, "reposts": 3}},
                  {"network": "x", "externalId": "%1$s-2", "type": "mention", "occurredAt": "2026-11-22T19:12:44Z",
                   "actor": {"networkUserId": "%1$s-u", "handle": "@Trail_Fan"}, "text": "@NorthwindOutfit hi",
                   "sentiment": "positive"},
                  {"network": "facebook", "externalId": "%1$s-3", "type": "CHECKIN", "occurredAt": "2026-11-22T19:12:44Z",
                   "actor": {"customerExternalId": "%2$s"}, "target": {"storeId": "ST-SEA"}},
                  {"network": "x", "externalId": "%1$s-4", "type": "DANCE", "occurredAt": "2026-11-22T19:12:44Z",
                   "actor": {"customerExternalId": "%2$s"}},
                  {"network": "x", "externalId": "%1$s-5", "type": "LIKE", "occurredAt": "2026-11-22T19:12:44Z"},
                  {"network": "x", "externalId": "%1$s-6", "type": "POST", "occurredAt": "2026-11-22T19:12:44Z",
                   "actor": {"customerExternalId": "%2$s"}, "metrics": [1, 2]},
                  {"network": "x", "externalId": "%1$s-7", "type": "POST", "occurredAt": "2026-11-22T19:12:44Z",
                   "actor": {"customerExternalId": "%2$s", "handle": "both"}}
                ]""".formatted(p, customer);
        mvc.perform(postJson("integration", "/api/v1/activities", batch))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(3))
                .andExpect(jsonPath("$.rejected").value(4))
                .andExpect(jsonPath("$.errors[0].index").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("type"))
                .andExpect(jsonPath("$.errors[1].field").value("actor"))
                .andExpect(jsonPath("$.errors[2].field").value("metrics"))
                .andExpect(jsonPath("$.errors[3].field").value("actor"));
        mvc.perform(postJson("integration", "/api/v1/activities", batch))
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.unchanged").value(3));

        Map<String, Object> mention = jdbc.sql("""
                        select a.type, a.sentiment, a.actor_customer_id, i.handle, i.customer_id
                        from activity a join social_identity i on i.id = a.actor_identity_id
                        where a.external_id = ?""").param(p + "-2").query().singleRow();
        assertThat(mention).containsEntry("type", "MENTION").containsEntry("sentiment", "POSITIVE")
                .containsEntry("handle", "Trail_Fan");
        assertThat(mention.get("actor_customer_id")).isNull();
        assertThat(jdbc.sql("select metrics::text from activity where external_id = ?").param(p + "-1")
                .query(String.class).single()).contains("\"likes\": 12");
    }

    @Test
    void hostileTextIsStoredExactlyAsWritten() throws Exception {
        String customer = unique("HOSTILE");
        String p = unique("H");
        mvc.perform(postJson("integration", "/api/v1/customers", "{\"externalId\": \"" + customer + "\"}"))
                .andExpect(status().isCreated());
        String hostile = "<script>alert('x')</script>\\\"><img src=x onerror=alert(1)>'; drop table customer; --";
        mvc.perform(postJson("integration", "/api/v1/activities", """
                        [{"network": "facebook", "externalId": "%s", "type": "COMMENT",
                          "occurredAt": "2026-11-20T16:05:12+00:00", "actor": {"customerExternalId": "%s"},
                          "text": "%s", "target": {"postId": "104857392018273_1223344556677881"}}]"""
                        .formatted(p, customer, hostile)))
                .andExpect(jsonPath("$.created").value(1));
        assertThat(jdbc.sql("select text from activity where external_id = ?").param(p).query(String.class).single())
                .isEqualTo("<script>alert('x')</script>\"><img src=x onerror=alert(1)>'; drop table customer; --");
        assertThat(jdbc.sql("select count(*) from customer").query(Long.class).single()).isPositive();
    }

    @Test
    void aTenKilobyteCommentIsFineButBrokenUnicodeIsRejected() throws Exception {
        String customer = unique("LONG");
        String p = unique("L");
        mvc.perform(postJson("integration", "/api/v1/customers", "{\"externalId\": \"" + customer + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(postJson("integration", "/api/v1/activities", """
                        [{"network": "facebook", "externalId": "%1$s-1", "type": "COMMENT",
                          "occurredAt": "2026-11-20T16:05:12Z", "actor": {"customerExternalId": "%2$s"},
                          "text": "%3$s"},
                         {"network": "facebook", "externalId": "%1$s-2", "type": "COMMENT",
                          "occurredAt": "2026-11-20T16:05:12Z", "actor": {"customerExternalId": "%2$s"},
                          "text": "broken \\ud800 surrogate"}]""".formatted(p, customer, "æøå 🏔️ ".repeat(1500))))
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.errors[0].index").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("text"));
    }
}
