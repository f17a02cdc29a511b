package io.trinity.imports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.trinity.web.ApiTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** An admin uploads a CSV in the console; the import runs in the background and its page reports every bad row. */
@ApiTest
class ImportConsoleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ImportJobs jobs;

    @Test
    void aConsoleImportRunsInTheBackgroundAndReportsRejectedRows() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String csv = new String(new ClassPathResource("fixtures/customers/customers-bad.csv").getInputStream()
                .readAllBytes(), StandardCharsets.UTF_8).replace("CUST-", "IMP" + tag + "-")
                .replace("NW-1001", "IMP" + tag + "L").replace("yuki_t", "yuki_" + tag)
                .replace("+12065550176", "+1206555" + tag.replaceAll("[^0-9]", "0").substring(0, 4));
        String location = mvc.perform(multipart("/admin/imports").file(new MockMultipartFile("file", "bad.csv",
                        "text/csv", csv.getBytes(StandardCharsets.UTF_8))).param("kind", "customers")
                        .with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        for (int i = 0; i < 200 && jobs.find(id).orElseThrow().running(); i++) {
            Thread.sleep(50);
        }
        var job = jobs.find(id).orElseThrow();
        assertThat(job.running()).isFalse();
        assertThat(job.report().rowsRead()).isEqualTo(8);
        // Lines 4 (e-mail), 6 (external id repeated) and 7 (created_at) are bad in the file itself; a row whose
        // loyalty number an earlier test's import already holds is refused too, which is also right.
        assertThat(job.report().errors()).extracting(io.trinity.imports.RowError::line).contains(4L, 6L, 7L);
        assertThat(job.report().imported() + job.report().rejected()).isEqualTo(8);
        mvc.perform(get(location).with(user("admin").roles("ADMIN"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-errors\"")))
                .andExpect(content().string(containsString("100%")))
                .andExpect(content().string(containsString(">email<")));
        mvc.perform(get("/admin/imports").with(user("admin").roles("ADMIN")))
                .andExpect(content().string(containsString("bad.csv")));
        mvc.perform(multipart("/admin/imports").param("kind", "customers").with(user("admin").roles("ADMIN"))
                .with(csrf())).andExpect(status().isFound());
        mvc.perform(get("/admin/imports").with(user("marketing").roles("MARKETING")))
                .andExpect(status().isForbidden());
    }
}
