package io.trinity.marketing.web;

import static io.trinity.web.Requests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import io.trinity.marketing.Audience;
import io.trinity.marketing.AudienceFilter;
import io.trinity.marketing.Audiences;
import io.trinity.marketing.Campaigns;
import io.trinity.scoring.ScoringRuns;
import io.trinity.web.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Audiences are renamed and deleted, never duplicated or saved empty; a draft campaign shows its reach. */
@ApiTest
class AudienceHousekeepingTests {

    @Autowired MockMvc mvc;
    @Autowired Audiences audiences;
    @Autowired Campaigns campaigns;
    @Autowired ScoringRuns runs;

    static RequestPostProcessor marketing() {
        return user("marketing").roles("MARKETING");
    }

    @BeforeEach
    void scored() throws Exception {
        // A few consenting customers and one without consent, valued by a run.
        for (int i = 0; i < 5; i++) {
            mvc.perform(io.trinity.web.Requests.postJson("integration", "/api/v1/customers", """
                    {"externalId": "%s", "firstName": "Aud", "lastName": "Member", "marketingConsent": %s}"""
                    .formatted(unique("AH"), i < 4)));
        }
        runs.runNow(null, "test");
    }

    @Test
    void aNameIsUniqueAnEmptyAudienceIsRefusedAndAnAudienceInUseStays() throws Exception {
        String name = unique("Everyone");
        mvc.perform(post("/marketing/audiences").with(marketing()).with(csrf()).param("name", name))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.nullValue()))
                .andExpect(flash().attribute("message", "Saved the audience \"" + name + "\"."));
        mvc.perform(post("/marketing/audiences").with(marketing()).with(csrf()).param("name", name.toUpperCase()))
                .andExpect(flash().attribute("problem", containsString("another audience is already called")));
        mvc.perform(post("/marketing/audiences").with(marketing()).with(csrf()).param("name", unique("Nobody"))
                        .param("q", "zz-nobody-has-this-name"))
                .andExpect(flash().attribute("problem", containsString("matches no customer")));

        Audience saved = audiences.list().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
        String renamed = unique("All of them");
        mvc.perform(post("/marketing/audiences/" + saved.id() + "/rename").with(marketing()).with(csrf())
                .param("name", renamed)).andExpect(flash().attribute("message", "Renamed to \"" + renamed + "\"."));
        mvc.perform(post("/marketing/audiences/" + saved.id() + "/rename").with(marketing()).with(csrf())
                .param("name", " ")).andExpect(flash().attribute("problem", containsString("is required")));
        assertThat(audiences.get(saved.id()).name()).isEqualTo(renamed);

        var campaign = campaigns.create(unique("Spring"), saved.id(), "EMAIL", "Hello", null, 20, null, null,
                "marketing");
        mvc.perform(get("/marketing/campaigns/" + campaign.id()).with(marketing()))
                .andExpect(content().string(containsString("id=\"reach\"")))
                .andExpect(content().string(containsString("left out: no marketing consent")));
        var counts = audiences.exportCounts(AudienceFilter.ALL);
        long held = Math.round(counts.rows() * 20 / 100.0);
        mvc.perform(get("/marketing/campaigns/" + campaign.id()).with(marketing()))
                .andExpect(content().string(containsString(counts.rows() - held + " customers are contacted and "
                        + held + " held out")));
        mvc.perform(post("/marketing/audiences/" + saved.id() + "/delete").with(marketing()).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("is used by 1 campaign(s)")));

        Audience spare = audiences.save(unique("Spare"), AudienceFilter.ALL, "marketing");
        mvc.perform(post("/marketing/audiences/" + spare.id() + "/delete").with(marketing()).with(csrf()))
                .andExpect(flash().attribute("message", containsString("Deleted the audience")));
        assertThat(audiences.list()).extracting(Audience::id).doesNotContain(spare.id());
    }

    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void tickedCustomersBecomeAnAudienceAndMoreCanBeAddedToIt() throws Exception {
        java.util.List<Long> scored = jdbc.sql("select customer_id from customer_value where run_id = ? order by"
                + " customer_id desc limit 3").param(runs.currentRunId().getAsLong()).query(Long.class).list();
        String name = unique("Chosen");
        mvc.perform(post("/marketing/audiences/chosen").with(marketing()).with(csrf()).param("action", "new")
                        .param("name", name).param("ids", scored.get(0).toString(), scored.get(1).toString()))
                .andExpect(flash().attribute("message", "Saved the audience \"" + name + "\": 2 chosen customer(s)."));
        Audience list = audiences.list().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
        assertThat(list.filter().ids()).containsExactlyInAnyOrder(scored.get(0), scored.get(1));
        assertThat(list.filter().describe()).isEqualTo("2 chosen customer(s)");
        mvc.perform(post("/marketing/audiences/chosen").with(marketing()).with(csrf()).param("action", "add")
                        .param("audienceId", Long.toString(list.id())).param("ids", scored.get(2).toString()))
                .andExpect(flash().attribute("message", "Added to the audience \"" + name + "\": 3 chosen customer(s)."));
        assertThat(audiences.exportCounts(audiences.get(list.id()).filter()).rows()
                + audiences.exportCounts(audiences.get(list.id()).filter()).withoutConsent()).isEqualTo(3);
        Audience byFilter = audiences.save(unique("Filtered"), AudienceFilter.ALL, "marketing");
        mvc.perform(post("/marketing/audiences/chosen").with(marketing()).with(csrf()).param("action", "add")
                        .param("audienceId", Long.toString(byFilter.id())).param("ids", scored.get(2).toString()))
                .andExpect(flash().attribute("problem", containsString("is defined by its filters")));
        mvc.perform(post("/marketing/audiences/chosen").with(marketing()).with(csrf()).param("action", "new")
                .param("name", unique("Nobody"))).andExpect(flash().attribute("problem", containsString("tick at least")));
        mvc.perform(get("/marketing").with(marketing()))
                .andExpect(content().string(containsString("id=\"bulk-audience\"")))
                .andExpect(content().string(containsString(">" + name + "</option>")));
    }
}
