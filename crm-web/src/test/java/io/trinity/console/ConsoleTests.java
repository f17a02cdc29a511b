package io.trinity.console;

import static io.trinity.web.Requests.postJson;
import static org.assertj.core.api.Assertions.assertThat;
import static io.trinity.web.Requests.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.trinity.web.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ApiTest
class ConsoleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void loginPageUsesOnlyLocalAssets() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/webjars/bootstrap/")))
                // no asset from another host (a bare "cdn" would also match the random CSRF token now and then)
                .andExpect(content().string(not(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*(src|href)=\"(https?:)?//.*"))));
    }

    @Test
    void formLoginWithADemoAccountLandsOnTheOverview() throws Exception {
        mvc.perform(post("/login").param("username", "marketing").param("password", "demo").with(csrf()))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", containsString("/")));
        mvc.perform(post("/login").param("username", "marketing").param("password", "wrong").with(csrf()))
                .andExpect(header().string("Location", containsString("/login?error")));
    }

    @Test
    void aLoginWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", "marketing").param("password", "demo"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theCustomerPageShowsIdentityOrdersAndActivityWithHostileTextEscaped() throws Exception {
        String ext = unique("PAGE");
        String body = mvc.perform(postJson("integration", "/api/v1/customers", """
                        {"externalId": "%s", "firstName": "<b>Bold</b>", "lastName": "O'Brien"}""".formatted(ext)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(postJson("integration", "/api/v1/orders", """
                [{"externalId": "%s-o", "customerId": %d, "orderedAt": "2026-06-30T12:00:00Z", "amount": "129.95",
                  "currency": "USD", "channel": "store", "storeId": "ST-SEA"}]""".formatted(ext, id)))
                .andExpect(status().isOk());
        mvc.perform(postJson("integration", "/api/v1/activities", """
                [{"network": "facebook", "externalId": "%s-a", "type": "COMMENT", "occurredAt": "2026-06-30T12:00:00Z",
                  "actor": {"customerId": %d}, "text": "<script>alert('x')</script><img src=x onerror=alert(1)>"}]"""
                .formatted(ext, id)))
                .andExpect(status().isOk());

        mvc.perform(get("/customers/" + id).with(user("service").roles("SERVICE")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("129.95")))
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(not(containsString("<img src=x"))))
                .andExpect(content().string(containsString("&lt;b&gt;Bold&lt;/b&gt;")));
    }

    @Test
    void theCustomerPageListsDeclaredSocialAccounts() throws Exception {
        String ext = unique("IDS");
        String fb = String.valueOf(System.nanoTime());
        String handle = "h" + Long.toString(System.nanoTime() % 1_000_000_000_000L, 36);
        mvc.perform(post("/api/v1/imports/customers").with(httpBasic("integration", "demo")).contentType("text/csv")
                        .content("external_id,first_name,facebook_id,x_username\n" + ext + ",Ida," + fb + "," + handle
                                + "\n"))
                .andExpect(status().isOk());
        String body = mvc.perform(get("/api/v1/customers").param("externalId", ext).with(httpBasic("admin", "demo")))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.items[0].id")).longValue();
        mvc.perform(get("/customers/" + id).with(user("service").roles("SERVICE")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("@" + handle)))
                .andExpect(content().string(containsString(fb)))
                .andExpect(content().string(containsString("linked: declared")));
    }

    @Test
    void searchFindsACustomerAndAnUnknownOneShowsAnEmptyState() throws Exception {
        String ext = unique("SRCH");
        mvc.perform(postJson("integration", "/api/v1/customers", """
                {"externalId": "%s", "firstName": "Searchable", "lastName": "%s"}""".formatted(ext, ext)))
                .andExpect(status().isCreated());
        // An exact external id opens the profile; a name lists the people who have it.
        mvc.perform(get("/customers").param("q", ext).with(user("marketing").roles("MARKETING")))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/customers/")));
        mvc.perform(get("/customers").param("q", "searchable " + ext.toLowerCase()).with(user("marketing").roles("MARKETING")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Searchable")));
        mvc.perform(get("/customers").param("q", "zz-no-such-" + ext).with(user("marketing").roles("MARKETING")))
                .andExpect(content().string(containsString("No customer matches")));
    }

    @Test
    void anUnknownCustomerGetsTheFriendlyNotFoundPage() throws Exception {
        mvc.perform(get("/customers/987654321").with(user("service").roles("SERVICE")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Not found")));
    }

    @Test
    void anAdminCanAddAnAccountAndBadInputIsExplainedNextToTheField() throws Exception {
        mvc.perform(post("/admin/users").with(user("admin").roles("ADMIN")).with(csrf())
                        .param("username", "x").param("password", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("at least 10 characters")))
                .andExpect(content().string(containsString("choose at least one role")));
        String name = unique("agent").toLowerCase();
        mvc.perform(post("/admin/users").with(user("admin").roles("ADMIN")).with(csrf())
                        .param("username", name).param("password", "long-enough-secret").param("roles", "SERVICE"))
                .andExpect(status().isFound());
        mvc.perform(get("/admin/users").with(user("admin").roles("ADMIN")))
                .andExpect(content().string(containsString(name)))
                // Roles by the names people use, not the enum's.
                .andExpect(content().string(containsString(">Loyalty admin</label>")))
                .andExpect(content().string(containsString(">Customer service</span>")))
                .andExpect(content().string(not(containsString(">LOYALTY_ADMIN<"))));
    }

    @Autowired
    io.trinity.scoring.ScoringRuns runs;

    @Test
    void aScoredCustomersPageShowsTheThreeScoresSegmentAndExplanation() throws Exception {
        String ext = unique("VAL");
        String body = mvc.perform(postJson("integration", "/api/v1/customers",
                        "{\"externalId\": \"" + ext + "\", \"firstName\": \"Valued\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(postJson("integration", "/api/v1/orders", "[{\"externalId\": \"" + ext + "-o\", \"customerId\": "
                + id + ", \"orderedAt\": \"2026-06-30T12:00:00Z\", \"amount\": \"10.00\", \"currency\": \"USD\","
                + " \"channel\": \"web\"}]")).andExpect(status().isOk());
        runs.runNow(java.time.LocalDate.parse("2026-06-30"), "test");
        mvc.perform(get("/customers/" + id).with(user("service").roles("SERVICE")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Value TRInity")))
                .andExpect(content().string(containsString("RFM")))
                .andExpect(content().string(containsString("Segment ")));
        mvc.perform(get("/marketing").with(user("marketing").roles("MARKETING")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Customers by value")))
                .andExpect(content().string(containsString("Champions")));
    }

    @Test
    void theValueDashboardAndScoringPageRender() throws Exception {
        mvc.perform(get("/marketing").with(user("marketing").roles("MARKETING"))).andExpect(status().isOk());
        mvc.perform(get("/scoring").with(user("marketing").roles("MARKETING")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Value TRInity scoring")));
        mvc.perform(post("/scoring/runs").with(user("service").roles("SERVICE")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAdminManagesConnectionsInTheConsole() throws Exception {
        mvc.perform(post("/admin/connections").with(user("admin").roles("ADMIN")).with(csrf())
                        .param("network", "x").param("accountId", "").param("displayName", "")
                        .param("credentialName", "bearerToken").param("credentialValue", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is required")));
        String account = unique("brand");
        mvc.perform(post("/admin/connections").with(user("admin").roles("ADMIN")).with(csrf())
                        .param("network", "checkin-webhook").param("accountId", account)
                        .param("displayName", "Store <b>QR</b>").param("credentialName", "secret")
                        .param("credentialValue", "s3cret-value").param("schedule", "PT1H"))
                .andExpect(status().isFound());
        mvc.perform(get("/admin/connections").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(account)))
                .andExpect(content().string(containsString("Store &lt;b&gt;QR&lt;/b&gt;")))
                .andExpect(content().string(not(containsString("s3cret-value"))))
                .andExpect(content().string(containsString("Unmatched identities")));
        long id = jdbc.sql("select id from social_connection where account_id = ?").param(account).query(Long.class)
                .single();
        mvc.perform(post("/admin/connections/" + id).with(user("admin").roles("ADMIN")).with(csrf())
                        .param("displayName", "Store QR codes").param("schedule", "PT2H")
                        .param("credentialName", "secret").param("credentialValue", ""))
                .andExpect(status().isFound());
        assertThat(jdbc.sql("select display_name || ' ' || schedule from social_connection where id = ?").param(id)
                .query(String.class).single()).isEqualTo("Store QR codes PT2H");
        mvc.perform(get("/admin/connections").with(user("admin").roles("ADMIN")))
                .andExpect(content().string(containsString(account + " · every 2 hours")))
                .andExpect(content().string(containsString("<option value=\"PT6H\">every 6 hours</option>")))
                .andExpect(content().string(containsString("data-credential-label=\"X bearer token\"")));
        // Without script the form sends no credential name: the network's own credential is meant.
        String venues = unique("venues");
        mvc.perform(post("/admin/connections").with(user("admin").roles("ADMIN")).with(csrf())
                        .param("network", "foursquare").param("accountId", venues).param("displayName", "Venues")
                        .param("credentialValue", "fsq-token").param("schedule", "PT24H"))
                .andExpect(status().isFound());
        assertThat(jdbc.sql("select schedule from social_connection where account_id = ?").param(venues)
                .query(String.class).single()).isEqualTo("PT24H");
        mvc.perform(get("/admin/connections").with(user("pr").roles("PR"))).andExpect(status().isForbidden());
    }

    @Test
    void thePrInboxListsConversations() throws Exception {
        mvc.perform(get("/pr/conversations").with(user("pr").roles("PR"))).andExpect(status().isOk());
    }

    @Test
    void theNavigationMarksTheCurrentSectionAndOffersCustomersToEveryRole() throws Exception {
        String page = mvc.perform(get("/duplicates/identities").with(user("service").roles("SERVICE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<a class=\"nav-link active\" href=\"/duplicates\" aria-current=\"page\">");
        assertThat(page).contains(">Customers</a>").doesNotContain(">Marketing</a>");
        page = mvc.perform(get("/loyalty").with(user("loyalty").roles("LOYALTY_ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<a class=\"nav-link active\" href=\"/loyalty\"").contains(">Customers</a>");
        assertThat(NavigationAdvice.sectionOf("/admin/imports/7")).isEqualTo("imports");
        assertThat(NavigationAdvice.sectionOf("/merges/3/undo")).isEqualTo("duplicates");
    }

    @Test
    void eachRoleHasAHomeOfWhatNeedsItNowAndAnAdminSeesThemAll() throws Exception {
        String[][] homes = {{"marketing", "MARKETING", "home-marketing"}, {"pr", "PR", "home-pr"},
            {"service", "SERVICE", "home-service"}, {"loyalty", "LOYALTY_ADMIN", "home-loyalty"}};
        for (String[] h : homes) {
            String page = mvc.perform(get("/").with(user(h[0]).roles(h[1]))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).as(h[1]).contains("id=\"" + h[2] + "\"");
            for (String[] other : homes) {
                if (other != h) {
                    assertThat(page).as(h[1]).doesNotContain("id=\"" + other[2] + "\"");
                }
            }
        }
        String admin = mvc.perform(get("/").with(user("admin").roles("ADMIN"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(admin).contains("home-marketing", "home-pr", "home-service", "home-loyalty", "a liability of",
                "Customers with a moment of truth now", "Members per tier");
    }
}
