package io.trinity.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import io.trinity.staff.StaffAccounts;
import io.trinity.web.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The console speaks the browser's language, or the one a person chose (kept on their account). */
@ApiTest
class ConsoleLanguageTests {

    @Autowired MockMvc mvc;
    @Autowired StaffAccounts accounts;

    @AfterEach
    void backToTheBrowser() {
        accounts.setLanguage("pr", null);
    }

    @Test
    void theBrowsersLanguageIsUsedWhenNobodyChose() throws Exception {
        mvc.perform(get("/").with(user("admin").roles("ADMIN")).header("Accept-Language", "de-AT,de;q=0.9"))
                .andExpect(content().string(containsString("Was jetzt auf Sie wartet")))
                .andExpect(content().string(containsString("lang=\"de\"")))
                .andExpect(content().string(containsString(">Kunden</a>")));
        mvc.perform(get("/login").header("Accept-Language", "zh-CN,zh;q=0.9"))
                .andExpect(content().string(containsString("用户名")));
        mvc.perform(get("/customers").param("q", "zz-nobody-has-this").with(user("service").roles("SERVICE"))
                        .header("Accept-Language", "de"))
                .andExpect(content().string(containsString("Kein Kunde passt zu „zz-nobody-has-this“.")));
        String body = mvc.perform(io.trinity.web.Requests.postJson("integration", "/api/v1/customers", """
                {"externalId": "%s", "firstName": "Lucía", "lastName": "Fernández"}""".formatted(
                io.trinity.web.Requests.unique("LANG")))).andReturn().getResponse().getContentAsString();
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue();
        mvc.perform(get("/customers/" + id).with(user("service").roles("SERVICE")).header("Accept-Language", "es"))
                .andExpect(content().string(containsString("Siguiente mejor acción")))
                .andExpect(content().string(containsString("Aún no hay pedidos.")));
        mvc.perform(get("/service/cases").with(user("service").roles("SERVICE")).header("Accept-Language", "es"))
                .andExpect(content().string(containsString("Casos de atención · Trinity")));
        mvc.perform(get("/").with(user("admin").roles("ADMIN")).header("Accept-Language", "fr-FR"))
                .andExpect(content().string(containsString("What needs you now")));
    }

    @Test
    void aChosenLanguageStaysForTheSessionAndFollowsThePersonToAnotherBrowser() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/account/language").session(session).with(user("pr").roles("PR")).with(csrf())
                .param("lang", "nb").param("back", "/pr/conversations?sentiment=negative"))
                .andExpect(redirectedUrl("/pr/conversations?sentiment=negative"));
        mvc.perform(get("/pr/conversations").session(session).with(user("pr").roles("PR"))
                        .header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Lytteinnboks")));
        assertThat(accounts.language("pr")).contains("nb");
        // Another browser, another session: the account's choice, whatever the browser says.
        mvc.perform(get("/pr/conversations").session(new MockHttpSession()).with(user("pr").roles("PR"))
                        .header("Accept-Language", "de"))
                .andExpect(content().string(containsString("Lytteinnboks")));
        // Back to the browser's language; a way back to another site goes home instead.
        mvc.perform(post("/account/language").session(session).with(user("pr").roles("PR")).with(csrf())
                .param("lang", "browser").param("back", "https://evil.example/")).andExpect(redirectedUrl("/"));
        assertThat(accounts.language("pr")).isEmpty();
        mvc.perform(get("/pr/conversations").session(session).with(user("pr").roles("PR"))
                        .header("Accept-Language", "es"))
                .andExpect(content().string(containsString("Bandeja de escucha")));
        // A language Trinity does not ship is not a choice.
        mvc.perform(post("/account/language").session(session).with(user("pr").roles("PR")).with(csrf())
                .param("lang", "fr").param("back", "/"));
        assertThat(accounts.language("pr")).isEmpty();
    }
}
