package io.trinity.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.trinity.activity.ActivityDraft;
import io.trinity.activity.ActivityIngest;
import io.trinity.cases.ServiceCases;
import io.trinity.customer.CustomerService;
import io.trinity.moments.MomentQueue;
import io.trinity.testing.Customers;
import io.trinity.web.ApiTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The service queue of moments of truth: who waits, oldest first; acting on a moment takes the customer out. */
@ApiTest
class MomentQueueTests {

    @Autowired io.trinity.loyalty.LoyaltyAccounts loyalty;
    @Autowired MockMvc mvc;
    @Autowired CustomerService customers;
    @Autowired ActivityIngest activities;
    @Autowired MomentQueue queue;
    @Autowired ServiceCases cases;

    String tag = "MQ-" + UUID.randomUUID().toString().substring(0, 8);

    List<Long> waiting(String moment) {
        return queue.queue(moment, 10_000, 0).stream().map(MomentQueue.Item::customerId).toList();
    }

    @Test
    void aComplaintWaitsUntilSomeoneOpensACaseAndABirthdayUntilItIsDone() throws Exception {
        long angry = customers.create(Customers.customer(tag + "-1").named("Ola", "Sint").draft()).id();
        long older = customers.create(Customers.customer(tag + "-2").named("Eldre", "Sint").draft()).id();
        activities.ingest(List.of(
                new ActivityDraft("x", tag + "-m1", "MENTION", Instant.now().minusSeconds(3_600).toString(),
                        new ActivityDraft.Actor(angry, null, null, null, null), null, "The zip broke again", null,
                        "NEGATIVE"),
                new ActivityDraft("x", tag + "-m2", "MENTION", Instant.now().minusSeconds(86_400).toString(),
                        new ActivityDraft.Actor(older, null, null, null, null), null, "Still no answer", null,
                        "NEGATIVE")));
        List<Long> complaints = waiting("Complaint without a case");
        assertThat(complaints).contains(angry, older);
        assertThat(complaints.indexOf(older)).isLessThan(complaints.indexOf(angry)); // oldest first
        assertThat(queue.counts(true)).anySatisfy(c -> {
            assertThat(c.rule()).isEqualTo("Complaint without a case");
            assertThat(c.customers()).isGreaterThanOrEqualTo(2);
        });

        String page = mvc.perform(get("/service/moments").param("moment", "Complaint without a case")
                        .with(user("service").roles("SERVICE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("moment-" + angry, "Open a service case from the complaint");

        mvc.perform(post("/service/moments/act").with(csrf()).with(user("service").roles("SERVICE"))
                        .param("customerId", Long.toString(angry)).param("moment", "Complaint without a case")
                        .param("action", "case"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/service/cases/")));
        assertThat(cases.forCustomer(angry)).anySatisfy(c -> assertThat(c.subject()).isEqualTo("Complaint without a case"));
        assertThat(waiting("Complaint without a case")).doesNotContain(angry).contains(older);

        // Goodwill points answer a moment too: on the ledger with the moment as reason; too many are refused.
        mvc.perform(post("/service/moments/act").with(csrf()).with(user("service").roles("SERVICE"))
                        .param("customerId", Long.toString(older)).param("moment", "Complaint without a case")
                        .param("action", "points").param("points", "5000"))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.containsString("from 1 to 1000")));
        assertThat(waiting("Complaint without a case")).contains(older);
        mvc.perform(post("/service/moments/act").with(csrf()).with(user("service").roles("SERVICE"))
                        .param("customerId", Long.toString(older)).param("moment", "Complaint without a case")
                        .param("action", "points").param("points", "150"))
                .andExpect(flash().attribute("message", org.hamcrest.Matchers.startsWith("Gave 150 goodwill points")));
        assertThat(loyalty.balance(older)).isEqualTo(150);
        assertThat(loyalty.entries(older, 1, null).items().get(0).reason()).contains("Complaint without a case");
        assertThat(waiting("Complaint without a case")).doesNotContain(older);

        LocalDate today = Instant.now().atOffset(ZoneOffset.UTC).toLocalDate();
        long birthday = customers.create(Customers.customer(tag + "-3").named("Bursdag", "Barn")
                .born(today.minusYears(30).toString()).draft()).id();
        assertThat(waiting("Birthday this week")).contains(birthday);
        assertThat(queue.queue("Birthday this week", 10_000, 0)).filteredOn(i -> i.customerId() == birthday)
                .singleElement().satisfies(i -> assertThat(i.action()).contains("happy birthday today"));
        mvc.perform(post("/service/moments/act").with(csrf()).with(user("service").roles("SERVICE"))
                        .param("customerId", Long.toString(birthday)).param("moment", "Birthday this week")
                        .param("action", "done"))
                .andExpect(status().is3xxRedirection());
        assertThat(waiting("Birthday this week")).doesNotContain(birthday);

        mvc.perform(get("/service/moments").with(user("marketing").roles("MARKETING")))
                .andExpect(status().isForbidden());
    }
}
