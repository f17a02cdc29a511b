package io.trinity.api;

import static io.trinity.web.Requests.get;
import static io.trinity.web.Requests.postJson;
import static io.trinity.web.Requests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.trinity.web.ApiTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The outside probe's hostile requests against the API, each answered with the right 4xx problem at once and
 * nothing stored half-way.
 */
@ApiTest
class HostileRequestTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    String customer() throws Exception {
        String ext = unique("HOST");
        mvc.perform(postJson("integration", "/api/v1/customers", "{\"externalId\": \"" + ext + "\"}"))
                .andExpect(status().isCreated());
        return ext;
    }

    String order(String id, String customer, String orderedAt, String amount) {
        return """
                {"externalId": "%s", "customerExternalId": "%s", "orderedAt": "%s", "amount": %s, "currency": "USD",
                 "channel": "web"}""".formatted(id, customer, orderedAt, amount);
    }

    @Test
    void anAmountWithAHugeExponentIsRejectedAtOnceWithAShortMessage() throws Exception {
        String c = customer();
        String p = unique("BIG");
        // Before the fix "1e10000000" kept a core busy for more than ten minutes.
        String body = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> mvc.perform(postJson("integration",
                        "/api/v1/orders", "[" + order(p + "-1", c, "2026-06-30T12:00:00Z", "\"1e1000000\"") + ","
                                + order(p + "-2", c, "2026-06-30T12:00:00Z", "1e10000000") + ","
                                + order(p + "-3", c, "2026-06-30T12:00:00Z", "\"129.95\"") + "]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("amount"))
                .andExpect(jsonPath("$.errors[1].field").value("amount"))
                .andReturn().getResponse().getContentAsString());
        assertThat(body).hasSizeLessThan(1000).contains("too large");
    }

    @Test
    void aRuleAmountOrMultiplierWithAHugeExponentIsRefusedAtOnce() throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> mvc.perform(postJson("loyalty",
                        "/api/v1/loyalty/rules/preview", """
                        {"name": "huge", "trigger": "PURCHASE", "conditions": {"minAmount": 1e10000000},
                         "effect": {"kind": "MULTIPLIER", "multiplier": "1e-10000000"}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("conditions.minAmount")))
                .andExpect(content().string(containsString("effect.multiplier"))));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/scoring/weights")
                        .with(httpBasic("admin", "demo")).contentType("application/json")
                        .content("{\"transaction\": 1e400, \"relationship\": 1, \"influence\": 1}"))
                .andExpect(status().isBadRequest());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999-12-31T23:59:59Z", "-0001-01-01T00:00:00Z", "2026-06-30T12:00:00+18:00",
        "1899-12-31T23:59:59Z"})
    void anImplausibleTimestampRejectsOnlyItsItem(String when) throws Exception {
        String c = customer();
        String p = unique("TS");
        mvc.perform(postJson("integration", "/api/v1/orders", "[" + order(p + "-bad", c, when, "10") + ","
                        + order(p + "-good", c, "2026-06-30T12:00:00Z", "10") + "]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.errors[0].index").value(0))
                .andExpect(jsonPath("$.errors[0].field").value("orderedAt"));
        mvc.perform(postJson("integration", "/api/v1/activities", """
                        [{"network": "x", "externalId": "%s-a", "type": "MENTION", "occurredAt": "%s",
                          "actor": {"customerExternalId": "%s"}, "text": "hi"}]""".formatted(p, when, c)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("occurredAt"));
        mvc.perform(post("/api/v1/imports/orders").with(httpBasic("integration", "demo")).contentType("text/csv")
                        .content("order_id,customer_external_id,ordered_at,amount,currency,channel\n"
                                + p + "-csv," + c + "," + when + ",10,USD,web\n"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors[0].column").value("ordered_at"));
        assertThat(jdbc.sql("select count(*) from orders where external_id like ?").param(p + "-%")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anOrderMoreThanADayAheadIsRejected() throws Exception {
        String c = customer();
        mvc.perform(postJson("integration", "/api/v1/orders", "[" + order(unique("AHEAD"), c,
                        Instant.now().plus(Duration.ofDays(2)).toString(), "10") + "]"))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("orderedAt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/html", "text/csv", ";;;;"})
    void anAnswerTheApiCannotGiveIsA406Problem(String accept) throws Exception {
        mvc.perform(get("marketing", "/api/v1/customers").header("Accept", accept))
                .andExpect(status().isNotAcceptable())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.status").value(406));
    }

    @Test
    void aMissingCustomerIsStillA404ProblemWhateverTheClientAccepts() throws Exception {
        mvc.perform(get("marketing", "/api/v1/customers/999999999").header("Accept", "text/html"))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"q", "externalId", "email"})
    void aNulInAParameterIsA400NamingIt(String parameter) throws Exception {
        mvc.perform(get("marketing", "/api/v1/customers").param(parameter, "a\u0000b"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(parameter));
    }

    @Test
    void aNulInAConsoleFilterIsTheFriendly400Page() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/pr/conversations").param("assignee", "\u0000").with(user("pr").roles("PR")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aNulInAJsonStringRejectsTheItemOrTheBodyNamingTheField() throws Exception {
        mvc.perform(postJson("integration", "/api/v1/customers", "{\"externalId\": \"N-1\", \"firstName\": \"a\\u0000b\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("firstName"));
        String c = customer();
        mvc.perform(postJson("integration", "/api/v1/activities", """
                        [{"network": "x", "externalId": "%s", "type": "MENTION", "occurredAt": "2026-06-30T12:00:00Z",
                          "actor": {"customerExternalId": "%s"}, "text": "hi", "metrics": {"a": "\\u0000"}}]"""
                        .formatted(unique("NUL"), c)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected").value(1));
    }

    @Test
    void onlyTheDocumentedMediaTypesAreAccepted() throws Exception {
        String ext = unique("YAML");
        mvc.perform(post("/api/v1/customers").with(httpBasic("integration", "demo"))
                        .contentType("application/yaml").content("externalId: " + ext + "\nisAdmin: true\n"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.status").value(415));
        mvc.perform(post("/api/v1/orders").with(httpBasic("integration", "demo"))
                        .contentType("application/xml").content("<orders/>"))
                .andExpect(status().isUnsupportedMediaType());
        assertThat(jdbc.sql("select count(*) from customer where external_id = ?").param(ext).query(Long.class)
                .single()).isZero();
    }

    @Test
    void aFieldNamedTwiceIsRefused() throws Exception {
        String a = unique("DUP");
        mvc.perform(postJson("integration", "/api/v1/customers",
                        "{\"externalId\": \"" + a + "\", \"externalId\": \"" + a + "-2\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("twice")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "\"true\"", "0", "\"yes\""})
    void consentIsTrueOrFalseAndNothingElse(String consent) throws Exception {
        String ext = unique("CONSENT");
        mvc.perform(postJson("integration", "/api/v1/customers",
                        "{\"externalId\": \"" + ext + "\", \"marketingConsent\": " + consent + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("marketingConsent"));
        assertThat(jdbc.sql("select count(*) from customer where external_id = ?").param(ext).query(Long.class)
                .single()).isZero();
    }

    @Test
    void anOverlongUtf8SequenceIsRefused() throws Exception {
        String ext = unique("OVL");
        byte[] prefix = ("{\"externalId\": \"" + ext + "\", \"firstName\": \"A").getBytes();
        byte[] body = new byte[prefix.length + 5];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        // 0xC0 0xAF is an overlong "/": lenient decoders let it through.
        body[prefix.length] = (byte) 0xC0;
        body[prefix.length + 1] = (byte) 0xAF;
        body[prefix.length + 2] = 'B';
        body[prefix.length + 3] = '"';
        body[prefix.length + 4] = '}';
        mvc.perform(post("/api/v1/customers").with(httpBasic("integration", "demo"))
                        .contentType("application/json").content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("UTF-8")));
        assertThat(jdbc.sql("select count(*) from customer where external_id = ?").param(ext).query(Long.class)
                .single()).isZero();
    }

    @Test
    void aCsvColumnTrinityDoesNotImportRefusesTheFileNamingIt() throws Exception {
        String ext = unique("COL");
        mvc.perform(post("/api/v1/imports/customers").with(httpBasic("integration", "demo"))
                        .contentType("text/csv").content("external_id,first_name,shoe_size,house_colour\n"
                                + ext + ",Una,41,red\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("'shoe_size'")));
        assertThat(jdbc.sql("select count(*) from customer where external_id = ?").param(ext).query(Long.class)
                .single()).isZero();
    }
}
