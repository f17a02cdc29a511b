package io.trinity.social.web;

import static io.trinity.web.Requests.get;
import static io.trinity.web.Requests.postJson;
import static io.trinity.web.Requests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.trinity.web.ApiTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The signed in-store check-in webhook, with the shared sample bodies and signatures byte for byte. */
@ApiTest
class CheckinWebhookTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void aWebhookConnectionAndTheSampleCustomers() throws Exception {
        mvc.perform(post("/api/v1/imports/customers").with(httpBasic("integration", "demo")).contentType("text/csv")
                .content(new ClassPathResource("fixtures/customers/customers.csv").getContentAsByteArray()))
                .andExpect(status().isOk());
        mvc.perform(postJson("admin", "/api/v1/connections", """
                        {"network": "checkin-webhook", "accountId": "%s", "displayName": "Store QR codes",
                         "credentials": {"secret": "test-secret"}}""".formatted(unique("stores"))))
                .andExpect(status().isCreated());
    }

    @Test
    void aCorrectlySignedCheckinIsStoredOnceEvenWhenRedelivered() throws Exception {
        jdbc.sql("delete from activity where network = 'instore' and external_id = ?")
                .param("8f14e45f-ceea-4f6b-9c1d-2b7d3a6e5c10").update();
        mvc.perform(webhook(fixture("webhook-checkin.json"), signature("webhook-checkin.sig")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("accepted"));
        mvc.perform(webhook(fixture("webhook-checkin.json"), signature("webhook-checkin.sig")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("duplicate"));
        var stored = jdbc.sql("""
                        select a.type, a.target_store_id, c.external_id from activity a
                        join customer c on c.id = a.actor_customer_id
                        where a.network = 'instore' and a.external_id = '8f14e45f-ceea-4f6b-9c1d-2b7d3a6e5c10'""")
                .query().listOfRows();
        assertThat(stored).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("type", "CHECKIN").containsEntry("target_store_id", "ST-SEA")
                    .containsEntry("external_id", "CUST-0007");
        });
    }

    @Test
    void theCompactFormOfTheSameEventVerifiesWithItsOwnSignature() throws Exception {
        byte[] compact = ("{\"eventId\":\"8f14e45f-ceea-4f6b-9c1d-2b7d3a6e5c10\",\"customerRef\":{\"email\":"
                + "\"kenji.watanabe@example.com\"},\"storeId\":\"ST-SEA\",\"occurredAt\":\"2026-11-21T09:42:10-08:00\","
                + "\"source\":\"qr\"}").getBytes(StandardCharsets.UTF_8);
        mvc.perform(webhook(compact, "sha256=eceb533b36efe03c5f56f17d4f7bf2c3820b5f4c893b0f66e0cdccaf34d39239"))
                .andExpect(status().isOk());
    }

    @Test
    void aWrongSignatureIsUnauthorisedAndStoresNothing() throws Exception {
        long before = count();
        mvc.perform(webhook(fixture("webhook-checkin-bad-signature.json"),
                        signature("webhook-checkin-bad-signature.sig")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("signature")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aMissingSignatureIsUnauthorised() throws Exception {
        mvc.perform(post("/api/v1/webhooks/checkins").contentType("application/json")
                        .content(fixture("webhook-checkin.json")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aSignedBodyThatIsNotAnEventIsABadRequest() throws Exception {
        byte[] body = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
        mvc.perform(webhook(body, "sha256=" + java.util.HexFormat.of().formatHex(hmac(body))))
                .andExpect(status().isBadRequest());
    }

    @Test
    void connectionsNeverShowTheirCredentials() throws Exception {
        mvc.perform(get("admin", "/api/v1/connections"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].credentials").doesNotExist())
                .andExpect(jsonPath("$[0].network").exists());
        assertThat(jdbc.sql("select count(*) from social_connection where position('test-secret' in "
                + "encode(credentials_encrypted, 'escape')) > 0").query(Long.class).single()).isZero();
    }

    @Test
    void badConnectionsAreExplainedAndOnlyAdminsMayManageThem() throws Exception {
        mvc.perform(postJson("admin", "/api/v1/connections", """
                        {"network": "myspace", "accountId": "", "displayName": "", "credentials": {},
                         "schedule": "hourly"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(4));
        mvc.perform(postJson("admin", "/api/v1/connections", """
                        {"network": "x", "accountId": "1398275640213458944", "displayName": "Brand",
                         "credentials": {"pageAccessToken": "nope"}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem("credentials.bearerToken")));
        mvc.perform(get("marketing", "/api/v1/connections")).andExpect(status().isForbidden());
    }

    private MockHttpServletRequestBuilder webhook(byte[] body, String signature) {
        return post("/api/v1/webhooks/checkins").contentType("application/json").content(body)
                .header("X-Trinity-Signature", signature);
    }

    private static byte[] fixture(String name) throws Exception {
        return new ClassPathResource("fixtures/checkins/" + name).getContentAsByteArray();
    }

    private static String signature(String name) throws Exception {
        return new String(fixture(name), StandardCharsets.UTF_8).strip();
    }

    private static byte[] hmac(byte[] body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("test-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(body);
    }

    private long count() {
        return jdbc.sql("select count(*) from activity where network = 'instore'").query(Long.class).single();
    }
}
