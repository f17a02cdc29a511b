package io.trinity.cases.web;

import static io.trinity.web.Requests.get;
import static io.trinity.web.Requests.postJson;
import static io.trinity.web.Requests.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.trinity.web.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@ApiTest
class ServiceApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void casesAreOpenedWorkedAndShownOnTheTimeline() throws Exception {
        String ext = unique("SV");
        String body = mvc.perform(postJson("integration", "/api/v1/customers", """
                {"externalId": "%s", "firstName": "Vera"}""".formatted(ext))).andReturn().getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(postJson("service", "/api/v1/cases", "{\"customerId\": %d, \"subject\": \"\"}".formatted(id)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("subject"));
        mvc.perform(postJson("marketing", "/api/v1/cases", "{\"customerId\": %d, \"subject\": \"x\"}".formatted(id)))
                .andExpect(status().isForbidden());
        String opened = mvc.perform(postJson("service", "/api/v1/cases", """
                {"customerId": %d, "subject": "Wrong size", "priority": "high", "note": "Wants a 42"}"""
                .formatted(id))).andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.priority").value("HIGH")).andReturn().getResponse().getContentAsString();
        long caseId = ((Number) JsonPath.read(opened, "$.id")).longValue();
        mvc.perform(patch("/api/v1/cases/" + caseId).with(httpBasic("service", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"resolved\", \"note\": \"Sent\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RESOLVED"))
                .andExpect(jsonPath("$.notes.length()").value(2));
        // A case's notes are for the service desk, over the API as in the console.
        mvc.perform(get("pr", "/api/v1/cases/" + caseId)).andExpect(status().isOk());
        mvc.perform(get("marketing", "/api/v1/cases/" + caseId)).andExpect(status().isForbidden());
        mvc.perform(get("loyalty", "/api/v1/cases/" + caseId)).andExpect(status().isForbidden());
        mvc.perform(get("marketing", "/api/v1/cases")).andExpect(status().isForbidden());
        mvc.perform(get("service", "/api/v1/customers/" + id + "/timeline"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].kind").value("case"))
                .andExpect(jsonPath("$.items[0].title").value("Wrong size"));
        mvc.perform(get("service", "/api/v1/customers/999999999/timeline")).andExpect(status().isNotFound());
    }
}
