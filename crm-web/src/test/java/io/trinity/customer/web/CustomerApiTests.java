package io.trinity.customer.web;

import static io.trinity.web.Requests.get;
import static io.trinity.web.Requests.postJson;
import static io.trinity.web.Requests.putJson;
import static io.trinity.web.Requests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.trinity.web.ApiTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ApiTest
class CustomerApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void createdCustomerCanBeReadBack() throws Exception {
        String ext = unique("KARI");
        String location = mvc.perform(postJson("integration", "/api/v1/customers", """
                        {"externalId": "%s", "firstName": "Kari", "lastName": "Nordmann",
                         "email": "Kari.Nordmann@Example.com", "phone": "+4791234567", "loyaltyNumber": "%s",
                         "locale": "nb-NO", "city": "Tromsø", "country": "no", "marketingConsent": true}
                        """.formatted(ext, ext)))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.country").value("NO"))
                .andReturn().getResponse().getHeader("Location");

        mvc.perform(get("service", location))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.externalId").value(ext))
                .andExpect(jsonPath("$.city").value("Tromsø"))
                .andExpect(jsonPath("$.locale").value("nb-NO"))
                .andExpect(jsonPath("$.marketingConsent").value(true))
                .andExpect(jsonPath("$.consentChangedAt").isNotEmpty());
    }

    @Test
    void replacingACustomerRecordsConsentWithdrawal() throws Exception {
        String ext = unique("PUT");
        long id = create(ext, "true");
        mvc.perform(putJson("integration", "/api/v1/customers/" + id, """
                        {"externalId": "%s", "firstName": "Changed", "marketingConsent": false}""".formatted(ext)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.firstName").value("Changed"))
                .andExpect(jsonPath("$.marketingConsent").value(false));
    }

    @Test
    void unknownFieldIsABadRequestNamingTheField() throws Exception {
        mvc.perform(postJson("integration", "/api/v1/customers", """
                        {"externalId": "X-1", "favouriteColour": "blue"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("favouriteColour"))
                .andExpect(jsonPath("$.trace").doesNotExist());
    }

    @Test
    void wrongTypeIsABadRequest() throws Exception {
        mvc.perform(postJson("integration", "/api/v1/customers", """
                        {"externalId": "X-2", "marketingConsent": {"yes": true}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("marketingConsent"));
    }

    @Test
    void invalidFieldsAreAllReported() throws Exception {
        mvc.perform(postJson("integration", "/api/v1/customers", """
                        {"externalId": "X-3", "email": "rosa.delgado(at)example.org", "country": "Norway",
                         "locale": "!!"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("email")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("country")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("locale")));
    }

    @Test
    void missingExternalIdIsABadRequest() throws Exception {
        mvc.perform(postJson("integration", "/api/v1/customers", "{\"firstName\": \"Nobody\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("externalId"));
    }

    @Test
    void notJsonIsABadRequest() throws Exception {
        mvc.perform(postJson("integration", "/api/v1/customers", "{\"externalId\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("not valid JSON")));
    }

    @Test
    void duplicateExternalIdIsAConflict() throws Exception {
        String ext = unique("DUP");
        create(ext, "false");
        mvc.perform(postJson("integration", "/api/v1/customers", "{\"externalId\": \"" + ext + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("externalId"));
    }

    @Test
    void loyaltyNumberOfAnotherCustomerIsAConflict() throws Exception {
        String loyalty = unique("L");
        mvc.perform(postJson("integration", "/api/v1/customers",
                "{\"externalId\": \"" + unique("A") + "\", \"loyaltyNumber\": \"" + loyalty + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(postJson("integration", "/api/v1/customers",
                "{\"externalId\": \"" + unique("B") + "\", \"loyaltyNumber\": \"" + loyalty + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("loyaltyNumber"));
    }

    @Test
    void unknownCustomerIsNotFoundAndANonNumericIdIsABadRequest() throws Exception {
        mvc.perform(get("service", "/api/v1/customers/999999999")).andExpect(status().isNotFound());
        mvc.perform(get("service", "/api/v1/customers/abc")).andExpect(status().isBadRequest());
    }

    @Test
    void findsByExternalIdAndByEmailCaseInsensitively() throws Exception {
        String ext = unique("FIND");
        create(ext, "false");
        mvc.perform(get("marketing", "/api/v1/customers?externalId=" + ext))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.next").value(nullValue()));
        mvc.perform(get("marketing", "/api/v1/customers?email=" + ext.toUpperCase() + "@EXAMPLE.com"))
                .andExpect(jsonPath("$.items[0].externalId").value(ext));
    }

    @Test
    void keysetPagingVisitsEveryMatchOnceWithAnOpaqueCursor() throws Exception {
        String tag = unique("pagetest").toLowerCase();
        for (int i = 0; i < 7; i++) {
            mvc.perform(postJson("integration", "/api/v1/customers", """
                    {"externalId": "%s-%d", "lastName": "%s"}""".formatted(tag, i, tag)))
                    .andExpect(status().isCreated());
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            String body = mvc.perform(get("marketing", "/api/v1/customers?q=" + tag + "&limit=3"
                            + (after == null ? "" : "&after=" + after)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            seen.addAll(JsonPath.read(body, "$.items[*].externalId"));
            after = JsonPath.read(body, "$.next");
            pages++;
        } while (after != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
    }

    @Test
    void aForgedCursorOrAnAbsurdLimitIsABadRequest() throws Exception {
        mvc.perform(get("marketing", "/api/v1/customers?after=not-a-cursor"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("after"));
        mvc.perform(get("marketing", "/api/v1/customers?limit=100000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
    }

    @Test
    void searchTextIsDataNotSql() throws Exception {
        mvc.perform(get("marketing", "/api/v1/customers?q=' or 1=1 --"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(get("marketing", "/api/v1/customers?q=%25"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(0));
    }

    private long create(String ext, String consent) throws Exception {
        String body = mvc.perform(postJson("integration", "/api/v1/customers", """
                        {"externalId": "%s", "email": "%s@example.com", "marketingConsent": %s}"""
                        .formatted(ext, ext, consent)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }
}
