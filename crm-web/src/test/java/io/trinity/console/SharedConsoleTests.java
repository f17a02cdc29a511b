package io.trinity.console;

import static io.trinity.web.Requests.postJson;
import static io.trinity.web.Requests.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.trinity.scoring.ScoringRuns;
import io.trinity.scoring.ScoringWeights;
import io.trinity.scoring.CombinedWeights;
import io.trinity.web.ApiTest;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The shared console's pages through MockMvc (the browser tests walk the same journeys in Chromium). */
@ApiTest
class SharedConsoleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ScoringRuns runs;

    @Autowired
    ScoringWeights weights;

    @Autowired
    io.trinity.scoring.SegmentRuleBook segmentBook;

    static RequestPostProcessor as(String user, String role) {
        return user(user).roles(role);
    }

    @Test
    void theDashboardFiltersExportsAndSavesAudiences() throws Exception {
        // Someone consenting, so the audience saved below is not empty (empty audiences are refused).
        mvc.perform(postJson("integration", "/api/v1/customers", """
                {"externalId": "%s", "firstName": "Cora", "lastName": "Consent", "marketingConsent": true}"""
                .formatted(unique("SC"))));
        runs.runNow(null, "test");
        mvc.perform(get("/marketing").with(as("marketing", "MARKETING"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("customers match")))
                .andExpect(content().string(containsString("hx-get=\"/marketing/count?\"")))
                .andExpect(content().string(containsString("data-chart=")));
        // The charts answer: segment bars link to the narrowed list, matrix points name a customer and link to
        // the profile, the segment thresholds are drawn; with a filter they follow it (loaded after the page).
        mvc.perform(get("/marketing").with(as("marketing", "MARKETING")))
                .andExpect(content().string(containsString("&quot;links&quot;:[&quot;/marketing?")))
                .andExpect(content().string(containsString("&quot;href&quot;:&quot;/customers/")))
                .andExpect(content().string(containsString("&quot;lines&quot;:[{")));
        mvc.perform(get("/marketing?consent=given").with(as("marketing", "MARKETING")))
                .andExpect(content().string(containsString("hx-get=\"/marketing/charts?")))
                .andExpect(content().string(not(containsString("id=\"chart-matrix\""))));
        mvc.perform(get("/marketing/charts?consent=given").with(as("marketing", "MARKETING")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"chart-matrix\"")))
                .andExpect(content().string(containsString("(this filter; click a bar to narrow the list)")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*/marketing[?]segment=[A-Za-z%0-9]+&amp;consent=given.*")))
                .andExpect(content().string(not(containsString("chart-distribution"))));
        mvc.perform(get("/marketing/charts?segment=Champions").with(as("marketing", "MARKETING")))
                .andExpect(content().string(containsString("id=\"chart-matrix\"")))
                .andExpect(content().string(not(containsString("id=\"chart-segments\""))));
        mvc.perform(get("/marketing?q=zz-nobody_has%25this").with(as("marketing", "MARKETING")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("No customers match")));
        mvc.perform(get("/marketing?country=Norway&minValue=x").with(as("marketing", "MARKETING")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("two-letter country code")))
                .andExpect(content().string(containsString("is not a number between 0 and 100")));
        mvc.perform(get("/marketing/count?consent=given&country=US").with(as("marketing", "MARKETING")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "[0-9,]+\\+?")));
        mvc.perform(get("/marketing/export?consent=missing").with(as("marketing", "MARKETING")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", startsWith("text/csv")))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.matchesPattern(
                        "attachment; filename=\"audience-\\d{4}-\\d{2}-\\d{2}-0-customers-\\d+-without-consent\\.csv\"")))
                .andExpect(content().string(startsWith("\uFEFFexternal_id,first_name,last_name,email,phone,loyalty_number")))
                .andExpect(content().string(not(containsString("#"))));
        String name = unique("Audience");
        mvc.perform(post("/marketing/audiences").with(as("marketing", "MARKETING")).with(csrf()).param("name", name)
                .param("sort", "influence").param("consent", "given")).andExpect(status().isFound());
        mvc.perform(get("/marketing/audiences").with(as("marketing", "MARKETING")))
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("sort influence, consent given")));
        mvc.perform(get("/marketing").with(as("marketing", "MARKETING")))
                .andExpect(content().string(containsString("id=\"saved-views\"")))
                .andExpect(content().string(containsString(">" + name + "</a>")));
        mvc.perform(get("/marketing").with(as("pr", "PR"))).andExpect(status().isForbidden());
    }

    @Test
    void adminsVersionTheWeightsOnTheScoringPage() throws Exception {
        int before = weights.current().version();
        mvc.perform(post("/scoring/weights").with(as("admin", "ADMIN")).with(csrf()).param("transaction", "0.5")
                .param("relationship", "0.25").param("influence", "0.25")).andExpect(status().isFound());
        Assertions.assertThat(weights.current().version()).isEqualTo(before + 1);
        Assertions.assertThat(weights.current().weights()).isEqualTo(new CombinedWeights(0.5, 0.25, 0.25));
        mvc.perform(post("/scoring/weights").with(as("admin", "ADMIN")).with(csrf()).param("transaction", "-1")
                .param("relationship", "0").param("influence", "0")).andExpect(status().isFound());
        Assertions.assertThat(weights.current().version()).isEqualTo(before + 1);
        mvc.perform(post("/scoring/weights").with(as("marketing", "MARKETING")).with(csrf()).param("transaction", "1")
                .param("relationship", "0").param("influence", "0")).andExpect(status().isForbidden());
        weights.change(CombinedWeights.DEFAULT, "test");
        int rulesBefore = segmentBook.current().version();
        mvc.perform(post("/scoring/segments").with(as("admin", "ADMIN")).with(csrf()).param("t.1.0", "65")
                .param("t.1.1", "70")).andExpect(status().isFound());
        Assertions.assertThat(segmentBook.current().version()).isEqualTo(rulesBefore + 1);
        Assertions.assertThat(segmentBook.current().rules().get(1).rule()).isEqualTo("transaction ≥ 65 and influence ≥ 70");
        mvc.perform(post("/scoring/segments").with(as("admin", "ADMIN")).with(csrf()).param("t.1.0", "650"))
                .andExpect(status().isFound());
        Assertions.assertThat(segmentBook.current().version()).as("out of range: refused").isEqualTo(rulesBefore + 1);
        mvc.perform(post("/scoring/segments").with(as("marketing", "MARKETING")).with(csrf()).param("t.1.0", "1"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/scoring/segments").with(as("admin", "ADMIN")).with(csrf()).param("t.1.0", "60")
                .param("t.1.1", "60")).andExpect(status().isFound());
        mvc.perform(get("/scoring").with(as("admin", "ADMIN"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"segment-form\"")));
        mvc.perform(get("/scoring").with(as("marketing", "MARKETING"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Segment rules")))
                .andExpect(content().string(not(containsString("Save as a new version"))));
    }

    @Test
    void theProfileTheInboxAndTheCaseDeskWorkTogether() throws Exception {
        String ext = unique("SC");
        String body = mvc.perform(postJson("integration", "/api/v1/customers", """
                {"externalId": "%s", "firstName": "Sam", "lastName": "Case"}""".formatted(ext)))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(postJson("integration", "/api/v1/activities", """
                [{"network": "x", "externalId": "%s-r", "type": "REVIEW", "occurredAt": "%s",
                  "actor": {"customerExternalId": "%s"}, "text": "Zip <b>broke</b>", "sentiment": "negative"}]"""
                .formatted(ext, java.time.Instant.now().plusSeconds(20 * 3600), ext))).andExpect(status().isOk());
        mvc.perform(get("/customers/" + id).with(as("service", "SERVICE"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"timeline\"")))
                .andExpect(content().string(containsString("Zip &lt;b&gt;broke&lt;/b&gt;")))
                .andExpect(content().string(containsString("Complaint without a case")));
        mvc.perform(post("/service/cases").with(as("service", "SERVICE")).with(csrf()).param("customerId",
                Long.toString(id)).param("subject", "")).andExpect(status().isFound());
        String location = mvc.perform(post("/service/cases").with(as("service", "SERVICE")).with(csrf())
                        .param("customerId", Long.toString(id)).param("subject", "Broken zip").param("note", "Called"))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(as("service", "SERVICE"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Broken zip")))
                .andExpect(content().string(containsString("normal priority")))
                .andExpect(content().string(containsString("opened by service")))
                .andExpect(content().string(containsString("Called")));
        mvc.perform(get("/pr/conversations?minReach=lots").with(as("pr", "PR"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("is not a whole number")));
        mvc.perform(get("/pr/conversations?sentiment=negative").with(as("pr", "PR"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Zip &lt;b&gt;broke&lt;/b&gt;")));
        mvc.perform(get("/service/moments").with(as("service", "SERVICE"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Influencer complaint")));
        mvc.perform(get("/service/cases").with(as("marketing", "MARKETING"))).andExpect(status().isForbidden());
        mvc.perform(get("/pr/influencers").with(as("pr", "PR"))).andExpect(status().isOk());
    }
}
