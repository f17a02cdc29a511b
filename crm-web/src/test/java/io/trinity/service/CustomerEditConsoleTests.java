package io.trinity.service;

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

import io.trinity.customer.CustomerNotes;
import io.trinity.customer.CustomerService;
import io.trinity.web.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A service agent edits a customer and keeps notes; the edit is audited by field name, not value. */
@ApiTest
class CustomerEditConsoleTests {

    @Autowired MockMvc mvc;
    @Autowired CustomerService customers;
    @Autowired CustomerNotes notes;

    static RequestPostProcessor service() {
        return user("service").roles("SERVICE");
    }

    long customer(String ext) throws Exception {
        String body = mvc.perform(postJson("integration", "/api/v1/customers", """
                {"externalId": "%s", "firstName": "Åse", "lastName": "Nygård", "email": "%s@example.com",
                 "city": "Tromsø", "country": "NO", "marketingConsent": true}""".formatted(ext, ext.toLowerCase())))
                .andReturn().getResponse().getContentAsString();
        return ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue();
    }

    MockHttpServletRequestBuilder form(long id) {
        return form(id, true);
    }

    MockHttpServletRequestBuilder form(long id, boolean consent) {
        MockHttpServletRequestBuilder form = post("/customers/" + id + "/edit").with(service()).with(csrf())
                .param("firstName", "Åse").param("lastName", "Nygård-Berg").param("city", "Tromsø")
                .param("country", "NO");
        return consent ? form.param("marketingConsent", "true") : form;
    }

    @Test
    void anEditWithAnErrorKeepsEveryValueAndSavesNothing() throws Exception {
        String ext = unique("ED");
        long id = customer(ext);
        mvc.perform(get("/customers/" + id + "/edit").with(service())).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Nyg&aring;rd\"")))
                .andExpect(content().string(containsString("type=\"date\"")));
        mvc.perform(form(id).param("email", "not an address").param("birthDate", "1990-02-30"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("were not saved")))
                .andExpect(content().string(containsString("value=\"Nyg&aring;rd-Berg\"")))
                .andExpect(content().string(containsString("value=\"not an address\"")))
                .andExpect(content().string(containsString("is-invalid")));
        assertThat(customers.get(id).lastName()).isEqualTo("Nygård");
    }

    @Test
    void aSavedEditIsAuditedByFieldNameAndWithdrawingConsentIsDated() throws Exception {
        String ext = unique("ED");
        long id = customer(ext);
        mvc.perform(form(id, false).param("email", ext.toLowerCase() + "@example.com")
                        .param("birthDate", "1990-02-28"))
                .andExpect(redirectedUrl("/customers/" + id));
        var edited = customers.get(id);
        assertThat(edited.lastName()).isEqualTo("Nygård-Berg");
        assertThat(edited.birthDate()).hasToString("1990-02-28");
        assertThat(edited.marketingConsent()).isFalse();
        assertThat(edited.consentChangedAt()).isNotNull();
        var change = notes.changes(id, 1).get(0);
        assertThat(change.actor()).isEqualTo("service");
        assertThat(change.fields()).containsExactlyInAnyOrder("lastName", "birthDate", "marketingConsent");
        assertThat(change.toString()).doesNotContain("Nygård-Berg");
        mvc.perform(get("/customers/" + id).with(service()))
                .andExpect(content().string(containsString("service changed lastName, birthDate, marketingConsent")));
        mvc.perform(form(id).with(user("marketing").roles("MARKETING"))).andExpect(status().isForbidden());
    }

    @Test
    void staffKeepNotesOnACustomerAndAnEmptyNoteIsRefused() throws Exception {
        long id = customer(unique("NO"));
        mvc.perform(post("/customers/" + id + "/notes").with(service()).with(csrf()).param("text", "  "))
                .andExpect(flash().attribute("problem", containsString("write the note first")));
        mvc.perform(post("/customers/" + id + "/notes").with(user("pr").roles("PR")).with(csrf())
                        .param("text", "Prefers <b>phone</b> calls after 17:00"))
                .andExpect(redirectedUrl("/customers/" + id + "#notes"));
        mvc.perform(get("/customers/" + id).with(service()))
                .andExpect(content().string(containsString("Prefers &lt;b&gt;phone&lt;/b&gt; calls after 17:00")))
                .andExpect(content().string(not(containsString("<b>phone</b>"))));
        assertThat(notes.of(id, 5)).extracting(CustomerNotes.Note::author).containsExactly("pr");
    }

    @Test
    void theTimelineFoldsRunsOfAlikeEntriesAndNarrowsToOneSource() throws Exception {
        String ext = unique("TL");
        long id = customer(ext);
        StringBuilder likes = new StringBuilder("[");
        java.time.Instant at = java.time.Instant.now().minusSeconds(3_600);
        for (int i = 0; i < 6; i++) {
            likes.append(i == 0 ? "" : ",").append("""
                    {"network": "x", "externalId": "%s-like-%d", "type": "LIKE", "occurredAt": "%s",
                     "actor": {"customerExternalId": "%s"}}""".formatted(ext, i, at.plusSeconds(i), ext));
        }
        likes.append(",").append("""
                {"network": "x", "externalId": "%s-c", "type": "COMMENT", "occurredAt": "%s",
                 "actor": {"customerExternalId": "%s"}, "text": "Great boots"}]""".formatted(ext, at.plusSeconds(60), ext));
        mvc.perform(postJson("integration", "/api/v1/activities", likes.toString())).andExpect(status().isOk());
        mvc.perform(get("/customers/" + id).with(service()))
                .andExpect(content().string(containsString("× 6")))
                .andExpect(content().string(containsString("6 in a row")))
                .andExpect(content().string(containsString("Great boots")));
        mvc.perform(get("/customers/" + id).param("timelineSource", "orders").with(service()))
                .andExpect(content().string(containsString("Nothing of this kind yet.")));
        mvc.perform(get("/customers/" + id).param("timelineSource", "social").with(service()))
                .andExpect(content().string(containsString("× 6")));
        mvc.perform(get("/customers/" + id).param("timelineSource", "nonsense").with(service()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("× 6")));
    }

    @Autowired io.trinity.loyalty.LoyaltyAccounts loyalty;
    @Autowired io.trinity.loyalty.Rewards rewards;

    @Test
    void anAgentRedeemsARewardTheCustomerCanAffordFromTheProfile() throws Exception {
        long id = customer(unique("RD"));
        loyalty.adjust(id, 500, "welcome", "loyalty");
        String name = unique("Flask");
        var flask = rewards.create(new io.trinity.loyalty.Rewards.RewardDraft(name, "GIFT", null, 400L, null, null,
                null, true));
        var yacht = rewards.create(new io.trinity.loyalty.Rewards.RewardDraft(unique("Yacht"), "GIFT", null,
                9_000_000L, null, null, null, true));
        mvc.perform(get("/customers/" + id).with(service()))
                .andExpect(content().string(containsString(name + " · 400 pts")))
                .andExpect(content().string(not(containsString(yacht.name()))));
        mvc.perform(post("/customers/" + id + "/redemptions").with(user("marketing").roles("MARKETING")).with(csrf())
                .param("rewardId", Long.toString(flask.id()))).andExpect(status().isForbidden());
        mvc.perform(post("/customers/" + id + "/redemptions").with(service()).with(csrf())
                        .param("rewardId", Long.toString(flask.id())))
                .andExpect(redirectedUrl("/customers/" + id + "#loyalty"))
                .andExpect(flash().attribute("message", "Redeemed \"" + name + "\" for 400 points. Balance now 100."));
        assertThat(loyalty.balance(id)).isEqualTo(100);
        mvc.perform(post("/customers/" + id + "/redemptions").with(service()).with(csrf())
                        .param("rewardId", Long.toString(flask.id())))
                .andExpect(flash().attribute("problem", containsString("the balance is less than the price")));
        assertThat(loyalty.balance(id)).isEqualTo(100);
    }
}
