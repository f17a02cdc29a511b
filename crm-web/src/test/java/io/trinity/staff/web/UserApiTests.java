package io.trinity.staff.web;

import static io.trinity.web.Requests.get;
import static io.trinity.web.Requests.postJson;
import static io.trinity.web.Requests.unique;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.trinity.web.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ApiTest
class UserApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void anAdminCreatesAnAccountThatCanThenSignIn() throws Exception {
        String name = unique("analyst").toLowerCase();
        mvc.perform(postJson("admin", "/api/v1/users", """
                        {"username": "%s", "password": "correct-horse-battery", "roles": ["MARKETING"]}"""
                        .formatted(name)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.roles[0]").value("MARKETING"))
                .andExpect(jsonPath("$.password").doesNotExist());
        mvc.perform(get("admin", "/api/v1/users"))
                .andExpect(jsonPath("$[*].username", hasItem(name)))
                .andExpect(jsonPath("$[0].password").doesNotExist());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/customers")
                        .with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.httpBasic(name, "correct-horse-battery")))
                .andExpect(status().isOk());
    }

    @Test
    void weakPasswordsUnknownRolesAndTakenNamesAreRefused() throws Exception {
        mvc.perform(postJson("admin", "/api/v1/users", """
                        {"username": "Bad Name", "password": "short", "roles": ["WIZARD"]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("username")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("password")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("roles")));
        mvc.perform(postJson("admin", "/api/v1/users", """
                        {"username": "marketing", "password": "long-enough-password", "roles": ["PR"]}"""))
                .andExpect(status().isConflict());
    }
}
