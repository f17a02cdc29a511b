package io.trinity.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Short request builders for API tests; demo logins all use the password {@code demo}. */
public final class Requests {

    private Requests() {
    }

    public static MockHttpServletRequestBuilder postJson(String user, String path, String json) {
        return MockMvcRequestBuilders.post(path).with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json);
    }

    public static MockHttpServletRequestBuilder putJson(String user, String path, String json) {
        return MockMvcRequestBuilders.put(path).with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json);
    }

    public static MockHttpServletRequestBuilder get(String user, String path) {
        return MockMvcRequestBuilders.get(path).with(httpBasic(user, "demo"));
    }

    /** A prefix that keeps one test's external ids apart from every other test's in the shared database. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
