package io.trinity.listening.web;

import static io.trinity.web.Requests.postJson;
import static io.trinity.web.Requests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.trinity.cases.ServiceCases;
import io.trinity.listening.Inbox;
import io.trinity.web.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The inbox and the case list worked in place: one item answered alone, bulk actions, views kept, the picker. */
@ApiTest
class InboxInPlaceTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Inbox inbox;
    @Autowired ServiceCases cases;

    final String ext = unique("IP");
    long customer;
    long first;
    long second;

    static RequestPostProcessor pr() {
        return user("pr").roles("PR");
    }

    @BeforeEach
    void mentions() throws Exception {
        String body = mvc.perform(postJson("integration", "/api/v1/customers", """
                {"externalId": "%s", "firstName": "Quirin", "lastName": "Zwetschke%s"}""".formatted(ext,
                ext.substring(3)))).andReturn().getResponse().getContentAsString();
        customer = ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue();
        String at = java.time.Instant.now().plusSeconds(20 * 3600).toString();
        mvc.perform(postJson("integration", "/api/v1/activities", """
                [{"network": "x", "externalId": "%1$s-1", "type": "MENTION", "occurredAt": "%2$s",
                  "actor": {"networkUserId": "%1$s-u", "handle": "%1$s_fan"}, "text": "Tent leaks", "sentiment": "negative"},
                 {"network": "x", "externalId": "%1$s-2", "type": "MENTION", "occurredAt": "%2$s",
                  "actor": {"networkUserId": "%1$s-v", "handle": "%1$s_two"}, "text": "Zip stuck", "sentiment": "negative"}]"""
                .formatted(ext, at))).andExpect(status().isOk());
        first = jdbc.sql("select id from activity where external_id = ?").param(ext + "-1").query(Long.class).single();
        second = jdbc.sql("select id from activity where external_id = ?").param(ext + "-2").query(Long.class).single();
    }

    @Test
    void anActionAnswersHtmxWithTheItemAloneAndAPlainPostComesBackToTheSameView() throws Exception {
        mvc.perform(post("/pr/conversations/" + first + "/handled").with(pr()).with(csrf()).header("HX-Request", "true")
                        .param("handled", "true").param("view", "sentiment=negative&handled=open"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"item-" + first + "\"")))
                .andExpect(content().string(containsString("handled by pr")))
                .andExpect(content().string(containsString("hx-swap-oob=\"true\"")))
                .andExpect(content().string(containsString("Marked as handled.")))
                .andExpect(content().string(not(containsString("<nav"))));
        // The default view is "open": the handled mention is not in it, "all" still shows it.
        mvc.perform(get("/pr/conversations?network=x").with(pr())).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"item-" + first + "\""))))
                .andExpect(content().string(containsString("id=\"item-" + second + "\"")));
        mvc.perform(get("/pr/conversations?network=x&handled=all").with(pr()))
                .andExpect(content().string(containsString("id=\"item-" + first + "\"")));

        mvc.perform(post("/pr/conversations/" + second + "/assign").with(pr()).with(csrf())
                        .param("assignee", "pr").param("view", "sentiment=negative&handled=open&evil=1"))
                .andExpect(redirectedUrl("/pr/conversations?sentiment=negative&handled=open#item-" + second))
                .andExpect(flash().attribute("message", "Assigned to pr."));
        mvc.perform(post("/pr/conversations/" + second + "/assign").with(pr()).with(csrf())
                        .header("HX-Request", "true").param("assignee", "service"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("cannot work the PR inbox")));
        assertThat(inbox.get(second).assignee()).isEqualTo("pr");
    }

    @Test
    void bulkActionsApplyToAllTickedItemsOrNone() throws Exception {
        mvc.perform(post("/pr/conversations/bulk").with(pr()).with(csrf()).param("action", "handled")
                        .param("ids", Long.toString(first), "-5").param("view", "network=x"))
                .andExpect(redirectedUrl("/pr/conversations?network=x"))
                .andExpect(flash().attribute("problem", containsString("Nothing was changed")));
        assertThat(inbox.get(first).handledAt()).isNull();
        mvc.perform(post("/pr/conversations/bulk").with(pr()).with(csrf()).param("action", "assign")
                        .param("to", "pr").param("ids", Long.toString(first), Long.toString(second))
                        .param("view", "network=x&handled=open"))
                .andExpect(redirectedUrl("/pr/conversations?network=x&handled=open"))
                .andExpect(flash().attribute("message", "Assigned 2 conversation(s) to pr."));
        mvc.perform(post("/pr/conversations/bulk").with(pr()).with(csrf()).param("action", "handled")
                        .param("ids", Long.toString(first), Long.toString(second)))
                .andExpect(flash().attribute("message", "Marked 2 conversation(s) as handled."));
        assertThat(inbox.get(second).handledBy()).isEqualTo("pr");

        // A case opened from a mention goes to the mention's assignee.
        String location = mvc.perform(post("/pr/conversations/" + first + "/case").with(pr()).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        long opened = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(cases.get(opened).assignee()).isEqualTo("pr");
        mvc.perform(post("/service/cases/bulk").with(user("service").roles("SERVICE")).with(csrf())
                        .param("action", "close").param("ids", Long.toString(opened)).param("status", "OPEN"))
                .andExpect(redirectedUrl("/service/cases?status=OPEN&assignee="))
                .andExpect(flash().attribute("message", "Closed 1 case(s)."));
        assertThat(cases.get(opened).status()).isEqualTo("RESOLVED");
        mvc.perform(post("/service/cases/bulk").with(user("marketing").roles("MARKETING")).with(csrf())
                .param("action", "close").param("ids", Long.toString(opened))).andExpect(status().isForbidden());
    }

    @Test
    void thePickerOffersCustomersByNameAndLinksOnlyAnUnambiguousChoice() throws Exception {
        mvc.perform(get("/customers/picker").with(pr()).param("field", "customer")
                        .param("customer", "zwetschke" + ext.substring(3) + " quirin"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + ext + "\"")))
                .andExpect(content().string(containsString("Quirin Zwetschke")));
        mvc.perform(get("/customers/picker").with(pr()).param("field", "customer").param("customer", "q"))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("<option"))));
        mvc.perform(postJson("integration", "/api/v1/customers", """
                {"externalId": "%s-twin", "firstName": "Quirin", "lastName": "Twin"}""".formatted(ext)));
        mvc.perform(post("/pr/conversations/" + first + "/link").with(pr()).with(csrf()).header("HX-Request", "true")
                        .param("customer", "Quirin"))  // two of them now
                .andExpect(content().string(containsString("No single customer matches")));
        mvc.perform(post("/pr/conversations/" + first + "/link").with(pr()).with(csrf()).header("HX-Request", "true")
                        .param("customer", ext))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Linked @" + ext + "_fan")));
        assertThat(inbox.get(first).customerId()).isEqualTo(customer);
    }
}
