package io.trinity.identity.web;

import static io.trinity.web.Requests.get;
import static io.trinity.web.Requests.postJson;
import static io.trinity.web.Requests.unique;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.trinity.web.ApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ApiTest
class IdentityApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void anUnmatchedAuthorIsListedLinkedByAPersonAndTheirActivityFollows() throws Exception {
        String p = unique("ID");
        String userId = String.valueOf(System.nanoTime());
        long customer = id(mvc.perform(postJson("integration", "/api/v1/customers",
                "{\"externalId\": \"" + p + "\"}")).andReturn().getResponse().getContentAsString());
        mvc.perform(postJson("integration", "/api/v1/activities", """
                [{"network": "x", "externalId": "%s-m", "type": "MENTION", "occurredAt": "2026-11-20T10:00:00Z",
                  "actor": {"networkUserId": "%s", "handle": "stranger_%s"}, "text": "love the new tent"}]"""
                .formatted(p, userId, userId))).andExpect(jsonPath("$.created").value(1));

        long identity = findUnlinked(userId);
        mvc.perform(get("service", "/api/v1/customers/" + customer + "/activities"))
                .andExpect(jsonPath("$.items.length()").value(0));

        mvc.perform(postJson("marketing", "/api/v1/identities/" + identity + "/link",
                "{\"customerId\": " + customer + "}")).andExpect(status().isForbidden());
        mvc.perform(postJson("pr", "/api/v1/identities/" + identity + "/link",
                        "{\"customerId\": " + customer + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customerId").value(customer))
                .andExpect(jsonPath("$.linkMethod").value("MANUAL"));

        mvc.perform(get("service", "/api/v1/customers/" + customer + "/activities"))
                .andExpect(jsonPath("$.items[0].type").value("MENTION"))
                .andExpect(jsonPath("$.items[0].text").value("love the new tent"))
                .andExpect(jsonPath("$.next").doesNotExist());

        long other = id(mvc.perform(postJson("integration", "/api/v1/customers",
                "{\"externalId\": \"" + p + "-other\"}")).andReturn().getResponse().getContentAsString());
        mvc.perform(postJson("pr", "/api/v1/identities/" + identity + "/link", "{\"customerId\": " + other + "}"))
                .andExpect(status().isConflict());
        mvc.perform(postJson("pr", "/api/v1/identities/" + identity + "/link", "{\"customerId\": 987654321}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("pr", "/api/v1/identities?linked=true&limit=500"))
                .andExpect(status().isOk());
    }

    private long findUnlinked(String userId) throws Exception {
        String after = null;
        do {
            String body = mvc.perform(get("pr", "/api/v1/identities?linked=false&limit=500"
                    + (after == null ? "" : "&after=" + after))).andReturn().getResponse().getContentAsString();
            List<Integer> ids = JsonPath.read(body, "$.items[?(@.networkUserId == '" + userId + "')].id");
            if (!ids.isEmpty()) {
                return ids.get(0);
            }
            after = JsonPath.read(body, "$.next");
        } while (after != null);
        throw new AssertionError("identity " + userId + " not listed as unmatched");
    }

    private static long id(String body) {
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }
}
