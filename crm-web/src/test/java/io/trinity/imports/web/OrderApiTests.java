package io.trinity.imports.web;

import static io.trinity.web.Requests.postJson;
import static io.trinity.web.Requests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.trinity.web.ApiTest;
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@ApiTest
class OrderApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    String customer;
    String prefix;

    @BeforeEach
    void aCustomer() throws Exception {
        customer = unique("ORD-CUST");
        prefix = unique("O");
        mvc.perform(postJson("integration", "/api/v1/customers",
                "{\"externalId\": \"" + customer + "\", \"email\": \"" + customer + "@example.com\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void goodItemsAreStoredAndEachBadItemIsRejectedAloneWithItsIndex() throws Exception {
        mvc.perform(postJson("integration", "/api/v1/orders", """
                        [
                          {"externalId": "%1$s-1", "customerExternalId": "%2$s", "orderedAt": "2026-06-30T12:00:00Z",
                           "amount": "129.95", "currency": "USD", "channel": "web"},
                          {"externalId": "%1$s-2", "customerExternalId": "nobody-%1$s", "orderedAt": "2026-06-30T12:00:00Z",
                           "amount": 10, "currency": "USD", "channel": "web"},
                          {"externalId": "%1$s-3", "email": "%2$s@EXAMPLE.com", "orderedAt": "30/06/2026",
                           "amount": 10, "currency": "USD", "channel": "store", "storeId": "ST-SEA"},
                          {"externalId": "%1$s-4", "customerExternalId": "%2$s", "orderedAt": "2026-06-30T12:00:00Z",
                           "amount": 10, "currency": "ZZZ", "channel": "web"},
                          {"externalId": "%1$s-5", "customerExternalId": "%2$s", "orderedAt": "2026-06-30T12:00:00Z",
                           "amount": "10.005", "currency": "USD", "channel": "web"},
                          {"externalId": "%1$s-6", "customerExternalId": "%2$s", "orderedAt": "2026-07-02T08:00:00+02:00",
                           "amount": -129.95, "currency": "USD", "channel": "web"},
                          {"externalId": "%1$s-7", "customerExternalId": "%2$s", "orderedAt": "2026-06-30T12:00:00Z",
                           "amount": "lots", "currency": "USD", "channel": "web"},
                          "not an object",
                          {"externalId": "%1$s-1", "customerExternalId": "%2$s", "orderedAt": "2026-06-30T12:00:00Z",
                           "amount": 1, "currency": "USD", "channel": "web"},
                          {"externalId": "%1$s-10", "customerExternalId": "%2$s", "orderedAt": "2026-06-30T12:00:00Z",
                           "amount": 1, "currency": "JPY", "channel": "fax"}
                        ]""".formatted(prefix, customer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.rejected").value(8))
                .andExpect(jsonPath("$.errors[0].index").value(1))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("no customer")))
                .andExpect(jsonPath("$.errors[1].index").value(2))
                .andExpect(jsonPath("$.errors[1].field").value("orderedAt"))
                .andExpect(jsonPath("$.errors[2].field").value("currency"))
                .andExpect(jsonPath("$.errors[3].field").value("amount"))
                .andExpect(jsonPath("$.errors[4].index").value(6))
                .andExpect(jsonPath("$.errors[4].field").value("amount"))
                .andExpect(jsonPath("$.errors[5].index").value(7))
                .andExpect(jsonPath("$.errors[6].index").value(8))
                .andExpect(jsonPath("$.errors[6].message").value(containsString("earlier in this batch")))
                .andExpect(jsonPath("$.errors[7].field").value("channel"));

        assertThat(jdbc.sql("select amount_minor from orders where external_id like ? order by external_id")
                .param(prefix + "%").query(Long.class).list()).containsExactly(12995L, -12995L);
    }

    @Test
    void resendingABatchChangesNothingAndAChangedOrderCountsAsUpdated() throws Exception {
        String batch = batchOf(3, "19.90");
        mvc.perform(postJson("integration", "/api/v1/orders", batch))
                .andExpect(jsonPath("$.created").value(3));
        mvc.perform(postJson("integration", "/api/v1/orders", batch))
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(3));
        mvc.perform(postJson("integration", "/api/v1/orders", batchOf(3, "21.00")))
                .andExpect(jsonPath("$.updated").value(3));
        assertThat(jdbc.sql("select count(*) from orders where external_id like ?").param(prefix + "%")
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void ordersCanNameTheirCustomerByTrinityId() throws Exception {
        long id = jdbc.sql("select id from customer where external_id = ?").param(customer).query(Long.class)
                .single();
        mvc.perform(postJson("integration", "/api/v1/orders", """
                        [{"externalId": "%s-id", "customerId": %d, "orderedAt": "2026-01-01T00:00:00Z",
                          "amount": 5000, "currency": "JPY", "channel": "app"}]""".formatted(prefix, id)))
                .andExpect(jsonPath("$.created").value(1));
        assertThat(jdbc.sql("select amount_minor from orders where external_id = ?").param(prefix + "-id")
                .query(Long.class).single()).isEqualTo(5000L);
    }

    @Test
    void aBodyThatIsNotAnArrayIsABadRequest() throws Exception {
        mvc.perform(postJson("integration", "/api/v1/orders", "{\"externalId\": \"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        mvc.perform(postJson("integration", "/api/v1/orders", "[{]"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void moreThanTenThousandItemsIsABadRequest() throws Exception {
        StringJoiner items = new StringJoiner(",", "[", "]");
        for (int i = 0; i < 10_001; i++) {
            items.add("{}");
        }
        mvc.perform(postJson("integration", "/api/v1/orders", items.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").exists())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("at most 10000")));
    }

    @Test
    void anOversizedBodyIsContentTooLargeNotAnError() throws Exception {
        String huge = "[\"" + "x".repeat(33 * 1024 * 1024) + "\"]";
        mvc.perform(postJson("integration", "/api/v1/orders", huge))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.status").value(413));
    }

    private String batchOf(int n, String amount) {
        StringJoiner items = new StringJoiner(",", "[", "]");
        for (int i = 0; i < n; i++) {
            items.add("""
                    {"externalId": "%s-b%d", "customerExternalId": "%s", "orderedAt": "2026-05-0%dT10:00:00Z",
                     "amount": "%s", "currency": "EUR", "channel": "web"}""".formatted(prefix, i, customer, i + 1,
                    amount));
        }
        return items.toString();
    }
}
