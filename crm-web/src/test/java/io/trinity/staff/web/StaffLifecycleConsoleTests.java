package io.trinity.staff.web;

import static io.trinity.web.Requests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.trinity.staff.Role;
import io.trinity.staff.StaffAccounts;
import io.trinity.staff.StaffAudit;
import io.trinity.web.ApiTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** An administrator edits, deactivates and resets accounts; sessions follow the account as it is now. */
@ApiTest
class StaffLifecycleConsoleTests {

    @Autowired MockMvc mvc;
    @Autowired StaffAccounts accounts;
    @Autowired StaffAudit audit;

    static RequestPostProcessor admin() {
        return user("admin").roles("ADMIN");
    }

    String newAccount() throws Exception {
        String name = unique("agent").toLowerCase(Locale.ROOT);
        mvc.perform(post("/admin/users").with(admin()).with(csrf()).param("username", name)
                .param("password", "a-long-password").param("roles", "SERVICE")).andExpect(status().isFound());
        return name;
    }

    MockHttpSession signIn(String name, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(name).password(password))
                .andReturn().getRequest().getSession();
    }

    @Test
    void editingRolesKeepsTheFormOnAnErrorAndAppliesToAnOpenSessionAtOnce() throws Exception {
        String name = newAccount();
        MockHttpSession session = signIn(name, "a-long-password");
        mvc.perform(get("/marketing").session(session)).andExpect(status().isForbidden());

        mvc.perform(post("/admin/users/" + name).with(admin()).with(csrf()).param("displayName", "Kari Agent"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("choose at least one role")))
                .andExpect(content().string(containsString("value=\"Kari Agent\"")));
        mvc.perform(post("/admin/users/" + name).with(admin()).with(csrf()).param("displayName", "Kari Agent")
                .param("roles", "SERVICE", "MARKETING")).andExpect(redirectedUrl("/admin/users/" + name));
        assertThat(accounts.find(name).orElseThrow().roles()).containsExactlyInAnyOrder(Role.SERVICE, Role.MARKETING);
        mvc.perform(get("/marketing").session(session)).andExpect(status().isOk());
        mvc.perform(get("/admin/users/" + name).with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("account updated")))
                .andExpect(content().string(containsString("by admin")));
        mvc.perform(post("/admin/users/" + name).with(user(name).roles("SERVICE")).with(csrf())
                .param("roles", "ADMIN")).andExpect(status().isForbidden());
    }

    @Test
    void aDeactivatedAccountIsSignedOutAtOnceAndCannotSignInAgain() throws Exception {
        String name = newAccount();
        MockHttpSession session = signIn(name, "a-long-password");
        mvc.perform(get("/customers").session(session)).andExpect(status().isOk());
        mvc.perform(post("/admin/users/" + name + "/active").with(admin()).with(csrf()).param("active", "false"))
                .andExpect(flash().attribute("message", name + " is deactivated and can no longer sign in."));
        mvc.perform(get("/customers").session(session)).andExpect(redirectedUrl("/login?deactivated"));
        mvc.perform(formLogin("/login").user(name).password("a-long-password"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/admin/users/" + name + "/active").with(admin()).with(csrf()).param("active", "true"));
        assertThat(accounts.find(name).orElseThrow().enabled()).isTrue();
        assertThat(audit.recent(name, 10)).extracting(StaffAudit.Entry::event)
                .contains("ACCOUNT_DEACTIVATED", "ACCOUNT_REACTIVATED", "ACCOUNT_CREATED");
        mvc.perform(post("/admin/users/admin/active").with(admin()).with(csrf()).param("active", "false"))
                .andExpect(flash().attribute("problem", "you cannot deactivate your own account"));
    }

    @Test
    void aResetHandsOutATemporaryPasswordThatOnlyLeadsToChoosingANewOne() throws Exception {
        String name = newAccount();
        String temporary = (String) mvc.perform(post("/admin/users/" + name + "/password-reset").with(admin())
                        .with(csrf())).andExpect(redirectedUrl("/admin/users/" + name))
                .andReturn().getFlashMap().get("temporaryPassword");
        assertThat(temporary).hasSize(16);
        mvc.perform(formLogin("/login").user(name).password("a-long-password")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user(name).password(temporary))
                .andExpect(redirectedUrl("/account/password?expired"));
        assertThat(audit.recent(name, 10)).extracting(StaffAudit.Entry::event).contains("PASSWORD_RESET");
    }
}
