package io.trinity.loyalty.web;

import static io.trinity.web.Requests.postJson;
import static io.trinity.web.Requests.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.trinity.web.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The loyalty admin's console: the editor validates next to fields, previews, saves versions and activates. */
@ApiTest
class LoyaltyConsoleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    static RequestPostProcessor loyaltyAdmin() {
        return user("loyalty").roles("LOYALTY_ADMIN");
    }

    @Test
    void aLoyaltyAdminBuildsPreviewsAndActivatesARule() throws Exception {
        mvc.perform(get("/loyalty").with(loyaltyAdmin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("How rules combine")));
        mvc.perform(get("/loyalty/rules/new").with(loyaltyAdmin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Preview last 30 days")));

        mvc.perform(post("/loyalty/rules").with(loyaltyAdmin()).with(csrf()).param("name", "")
                        .param("trigger", "SHARE").param("effect", "FIXED_POINTS").param("minAmount", "10")
                        .param("action", "save"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The rule was not saved")))
                .andExpect(content().string(containsString("only applies to purchases")))
                .andExpect(content().string(containsString("is required")));

        String p = unique("LC");
        mvc.perform(post("/loyalty/rules").with(loyaltyAdmin()).with(csrf()).param("name", "Store points " + p)
                        .param("trigger", "PURCHASE").param("store", p).param("effect", "POINTS_PER_UNIT")
                        .param("points", "1").param("action", "preview"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Preview: the last")))
                .andExpect(content().string(containsString("id=\"preview-points\">0<")));
        Long before = jdbc.sql("select count(*) from reward_rule").query(Long.class).single();

        String location = mvc.perform(post("/loyalty/rules").with(loyaltyAdmin()).with(csrf())
                        .param("name", "Store points " + p).param("trigger", "PURCHASE").param("store", p)
                        .param("effect", "POINTS_PER_UNIT").param("points", "1").param("action", "save"))
                .andExpect(status().isFound()).andExpect(redirectedUrlPattern("/loyalty/rules/*"))
                .andReturn().getResponse().getRedirectedUrl();
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from reward_rule").query(Long.class)
                .single()).isEqualTo(before + 1);
        mvc.perform(post(location + "/activate").with(loyaltyAdmin()).with(csrf())).andExpect(status().isFound());
        mvc.perform(get(location).with(loyaltyAdmin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("active · v1")))
                .andExpect(content().string(containsString("Save as version 2")));
        mvc.perform(post(location + "/retire").with(loyaltyAdmin()).with(csrf())).andExpect(status().isFound());
        mvc.perform(get("/loyalty/audit").with(loyaltyAdmin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Store points " + p)));
    }

    @Test
    void otherRolesCannotOpenTheLoyaltyScreens() throws Exception {
        mvc.perform(get("/loyalty").with(user("marketing").roles("MARKETING"))).andExpect(status().isForbidden());
        mvc.perform(get("/loyalty/rewards").with(user("service").roles("SERVICE"))).andExpect(status().isForbidden());
        mvc.perform(get("/loyalty/tiers").with(user("admin").roles("ADMIN"))).andExpect(status().isOk());
    }

    @Test
    void aMembersLedgerTakesAdjustmentsOnlyWithAReasonAndTheProfileShowsLoyalty() throws Exception {
        String ext = unique("LM");
        String body = mvc.perform(postJson("integration", "/api/v1/customers", """
                {"externalId": "%s", "firstName": "<img src=x onerror=alert(1)>"}""".formatted(ext)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(post("/loyalty/members/" + id + "/adjustments").with(loyaltyAdmin()).with(csrf())
                        .param("points", "250").param("reason", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("say why the points change")));
        mvc.perform(post("/loyalty/members/" + id + "/adjustments").with(loyaltyAdmin()).with(csrf())
                        .param("points", "250").param("reason", "Goodwill <b>after</b> a late delivery"))
                .andExpect(status().isFound());
        mvc.perform(get("/loyalty/members/" + id).with(loyaltyAdmin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Goodwill &lt;b&gt;after&lt;/b&gt; a late delivery")))
                .andExpect(content().string(not(containsString("<img src=x"))));
        mvc.perform(get("/customers/" + id).with(user("service").roles("SERVICE"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"loyalty-balance\">250 pts<")))
                .andExpect(content().string(not(containsString("ledger and adjustments"))));
        mvc.perform(post("/loyalty/rewards").with(loyaltyAdmin()).with(csrf()).param("name", "")
                        .param("kind", "GIFT").param("pointsPrice", "lots"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("is not a whole number")));
        mvc.perform(post("/loyalty/tiers").with(loyaltyAdmin()).with(csrf()).param("BASE.name", "Base")
                        .param("BASE.threshold", "0").param("SILVER.name", "Silver").param("SILVER.threshold", "5")
                        .param("GOLD.name", "Gold").param("GOLD.threshold", "4").param("SUMMIT.name", "Summit")
                        .param("SUMMIT.threshold", "5000"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("must need more points")));
    }

    @Test
    void theRuleListNamesTheRewardARuleIssues() throws Exception {
        String p = unique("LR");
        String reward = mvc.perform(postJson("loyalty", "/api/v1/loyalty/rewards", """
                {"name": "Trail mug %s", "kind": "GIFT", "pointsPrice": 0}""".formatted(p)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long rewardId = ((Number) JsonPath.read(reward, "$.id")).longValue();
        mvc.perform(postJson("loyalty", "/api/v1/loyalty/rules", """
                {"name": "Mug for reviewers %s", "trigger": "REVIEW", "effect": {"kind": "ISSUE_REWARD", "rewardId": %d}}"""
                .formatted(p, rewardId))).andExpect(status().isCreated());
        mvc.perform(get("/loyalty").with(loyaltyAdmin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("reward &quot;Trail mug " + p + "&quot;")));
    }


    long shareRule(String name, String group) throws Exception {
        String location = mvc.perform(post("/loyalty/rules").with(loyaltyAdmin()).with(csrf()).param("name", name)
                        .param("trigger", "SHARE").param("group", group).param("effect", "FIXED_POINTS")
                        .param("points", "100").param("action", "save"))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/loyalty/rules/" + id + "/activate").with(loyaltyAdmin()).with(csrf()));
        return id;
    }

    @Test
    void aRuleThatStacksWithAnActiveOneSaysSoAndTickedRulesRetireTogether() throws Exception {
        String p = io.trinity.web.Requests.unique("ST");
        long first = shareRule("Share bonus " + p, "");
        String activated = (String) mvc.perform(post("/loyalty/rules").with(loyaltyAdmin()).with(csrf())
                        .param("name", "Share again " + p).param("trigger", "SHARE").param("effect", "FIXED_POINTS")
                        .param("points", "100").param("action", "preview"))
                .andExpect(content().string(containsString("Stacks with active rules")))
                .andExpect(content().string(containsString("Share bonus " + p)))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(activated).contains("data-triggers=\"PURCHASE\"");
        // Sharing a group, only the first that awards applies: no warning about that one.
        mvc.perform(post("/loyalty/rules").with(loyaltyAdmin()).with(csrf()).param("name", "Grouped " + p)
                        .param("trigger", "SHARE").param("group", "shares-" + p).param("effect", "FIXED_POINTS")
                        .param("points", "5").param("action", "preview"))
                .andExpect(content().string(containsString("Share bonus " + p)));
        long second = shareRule("Share twice " + p, "");
        mvc.perform(get("/loyalty/rules/" + second).with(loyaltyAdmin()))
                .andExpect(content().string(containsString("Share bonus " + p)));

        mvc.perform(post("/loyalty/rules/retire").with(loyaltyAdmin()).with(csrf())
                        .param("ids", Long.toString(first), "-1"))
                .andExpect(flash().attribute("problem", containsString("Nothing was retired")));
        mvc.perform(post("/loyalty/rules/retire").with(loyaltyAdmin()).with(csrf())
                        .param("ids", Long.toString(first), Long.toString(second)))
                .andExpect(flash().attribute("message", "Retired 2 rule(s): they earn nothing from now on."));
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from reward_rule where id in (?, ?)"
                + " and status = 'RETIRED'").params(first, second).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aRewardIsEditedKeepingInputOnAnErrorAndRetired() throws Exception {
        String name = io.trinity.web.Requests.unique("Mug");
        mvc.perform(post("/loyalty/rewards").with(loyaltyAdmin()).with(csrf()).param("name", name)
                .param("kind", "GIFT").param("pointsPrice", "300")).andExpect(status().isFound());
        long id = jdbc.sql("select id from reward where name = ?").param(name).query(Long.class).single();
        mvc.perform(get("/loyalty/rewards").param("edit", Long.toString(id)).with(loyaltyAdmin()))
                .andExpect(content().string(containsString("Edit " + name)))
                .andExpect(content().string(containsString("value=\"300\"")));
        mvc.perform(post("/loyalty/rewards/" + id).with(loyaltyAdmin()).with(csrf()).param("name", name + " XL")
                        .param("kind", "GIFT").param("pointsPrice", "lots"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + name + " XL\"")))
                .andExpect(content().string(containsString("value=\"lots\"")));
        mvc.perform(post("/loyalty/rewards/" + id).with(loyaltyAdmin()).with(csrf()).param("name", name + " XL")
                .param("kind", "GIFT").param("pointsPrice", "350").param("stock", "12"))
                .andExpect(flash().attribute("message", "Saved \"" + name + " XL\"."));
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select points_price || '/' || stock || '/' || active"
                + " from reward where id = ?").param(id).query(String.class).single()).isEqualTo("350/12/true");
        mvc.perform(post("/loyalty/rewards/" + id + "/active").with(loyaltyAdmin()).with(csrf()).param("active", "false"))
                .andExpect(flash().attribute("message", containsString("is retired")));
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select active from reward where id = ?").param(id)
                .query(Boolean.class).single()).isFalse();
        mvc.perform(get("/loyalty/rewards").with(loyaltyAdmin())).andExpect(content().string(containsString("Offer again")));
    }
}
