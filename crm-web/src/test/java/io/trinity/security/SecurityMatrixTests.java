package io.trinity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.trinity.web.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Every role against every endpoint group: allowed means neither 401 nor 403. */
@ApiTest
class SecurityMatrixTests {

    static final List<String> USERS = List.of("marketing", "pr", "service", "loyalty", "admin", "integration");
    static final Set<String> STAFF = Set.of("marketing", "pr", "service", "loyalty", "admin");
    static final Set<String> INGEST = Set.of("integration", "admin");

    @Autowired
    MockMvc mvc;

    record Group(String name, Set<String> allowed) {
        MockHttpServletRequestBuilder request() {
            return switch (name) {
                case "read customers" -> get("/api/v1/customers");
                case "read one customer" -> get("/api/v1/customers/1");
                case "write customers" -> post("/api/v1/customers").contentType("application/json").content("{}");
                case "ingest orders" -> post("/api/v1/orders").contentType("application/json").content("[]");
                case "ingest activities" -> post("/api/v1/activities").contentType("application/json").content("[]");
                case "import customers" -> post("/api/v1/imports/customers").contentType("text/csv")
                        .content("external_id\n");
                case "import orders" -> post("/api/v1/imports/orders").contentType("text/csv")
                        .content("order_id,ordered_at,amount,currency,channel\n");
                case "administer users" -> get("/api/v1/users");
                case "manage connections" -> get("/api/v1/connections");
                case "read a customer's value" -> get("/api/v1/customers/1/value");
                case "rank customers by value" -> get("/api/v1/customers?sort=value");
                case "start a scoring run" -> post("/api/v1/scoring/runs").contentType("application/json")
                        .content("{\"asOf\": \"not a date\"}");
                case "read a scoring run" -> get("/api/v1/scoring/runs/1");
                case "change scoring weights" -> org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .put("/api/v1/scoring/weights").contentType("application/json").content("{}");
                case "manage loyalty rules" -> get("/api/v1/loyalty/rules");
                case "adjust points" -> post("/api/v1/customers/1/ledger/adjustments")
                        .contentType("application/json").content("{}");
                case "redeem a reward" -> post("/api/v1/customers/1/redemptions").contentType("application/json")
                        .content("{}");
                case "read a member's loyalty" -> get("/api/v1/customers/1/loyalty");
                case "read service cases" -> get("/api/v1/cases");
                case "read a case and its notes" -> get("/api/v1/cases/1");
                default -> throw new IllegalArgumentException(name);
            };
        }
    }

    static Stream<Arguments> matrix() {
        List<Group> groups = List.of(new Group("read customers", STAFF), new Group("read one customer", STAFF),
                new Group("write customers", INGEST), new Group("ingest orders", INGEST),
                new Group("ingest activities", INGEST), new Group("import customers", INGEST),
                new Group("import orders", INGEST), new Group("administer users", Set.of("admin")),
                new Group("read a customer's value", STAFF), new Group("rank customers by value", STAFF),
                new Group("start a scoring run", Set.of("admin", "marketing")), new Group("read a scoring run", STAFF),
                new Group("change scoring weights", Set.of("admin")), new Group("manage connections", Set.of("admin")),
                new Group("manage loyalty rules", Set.of("admin", "loyalty")),
                new Group("adjust points", Set.of("admin", "loyalty")),
                new Group("redeem a reward", Set.of("admin", "loyalty", "service", "integration")),
                new Group("read a member's loyalty", STAFF),
                new Group("read service cases", Set.of("service", "pr", "admin")),
                new Group("read a case and its notes", Set.of("service", "pr", "admin")));
        List<Arguments> cases = new ArrayList<>();
        for (Group group : groups) {
            for (String user : USERS) {
                cases.add(Arguments.of(group.name(), user, group));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void eachRoleGetsExactlyItsEndpoints(String groupName, String user, Group group) throws Exception {
        int status = mvc.perform(group.request().with(httpBasic(user, "demo"))).andReturn().getResponse()
                .getStatus();
        if (group.allowed().contains(user)) {
            assertThat(status).as("%s as %s", groupName, user).isNotIn(401, 403);
        } else {
            assertThat(status).as("%s as %s", groupName, user).isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "{0} anonymously")
    @MethodSource("matrix")
    void anonymousApiCallsAreUnauthorised(String groupName, String user, Group group) throws Exception {
        mvc.perform(group.request()).andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"));
    }

    @Test
    void wrongPasswordIsUnauthorised() throws Exception {
        mvc.perform(get("/api/v1/customers").with(httpBasic("marketing", "not-demo")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aForbiddenRoleIsRefusedBeforeItsBodyIsRead() throws Exception {
        mvc.perform(post("/api/v1/orders").with(httpBasic("marketing", "demo"))
                        .contentType("application/json").content("this is not json"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anonymousConsoleVisitorsAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/customers")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void onlyAdminsReachTheAdminConsole() throws Exception {
        mvc.perform(get("/admin/users").with(httpBasicSession("marketing"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users").with(httpBasicSession("admin"))).andExpect(status().isOk());
    }

    @Test
    void integrationAccountsCannotUseTheConsole() throws Exception {
        mvc.perform(get("/customers").with(httpBasicSession("integration"))).andExpect(status().isForbidden());
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor httpBasicSession(String user) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(user).roles(roleOf(user));
    }

    private static String roleOf(String user) {
        return switch (user) {
            case "loyalty" -> "LOYALTY_ADMIN";
            default -> user.toUpperCase();
        };
    }
}
