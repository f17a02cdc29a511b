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

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

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

    long upload(String name, String csv, boolean dryRun) throws Exception {
        String location = mvc.perform(multipart("/admin/imports").file(new MockMultipartFile("file", name,
                        "text/csv", csv.getBytes(StandardCharsets.UTF_8))).param("kind", "customers")
                        .param("dryRun", Boolean.toString(dryRun)).with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        for (int i = 0; i < 200 && jobs.find(id).orElseThrow().running(); i++) {
            Thread.sleep(50);
        }
        return id;
    }

    @Test
    void aDryRunChecksEveryRowStoresNothingAndTheRejectedRowsComeBackWithTheirReason() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = "\uFEFFexternal_id,first_name,last_name,email,city\r\n"
                + "DRY" + tag + "-1,Åse,Nygård,ase@example.no,Tromsø\r\n"
                + "DRY" + tag + "-2,Bo,\"Berg, jr\",not-an-email,Oslo\r\n"
                + "DRY" + tag + "-3,Cai,Chen,cai@example.cn,\"Bei\njing\"\r\n"
                + "DRY" + tag + "-4,Dag,Dahl,dag@,Bergen\r\n";
        long dry = upload("people.csv", csv, true);
        var job = jobs.find(dry).orElseThrow();
        assertThat(job.dryRun()).isTrue();
        // Row 3 spans two lines (a city with a line break, which a city may not have): it is reported on line 4.
        assertThat(job.report().imported()).isEqualTo(1);
        assertThat(job.report().created()).isEqualTo(1);
        assertThat(job.report().rejected()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from customer where external_id like ?").param("DRY" + tag + "%")
                .query(Long.class).single()).isZero();
        mvc.perform(get("/admin/imports/" + dry).with(user("admin").roles("ADMIN")))
                .andExpect(content().string(containsString("nothing was stored")))
                .andExpect(content().string(containsString("would be imported")));

        String rejected = mvc.perform(get("/admin/imports/" + dry + "/rejected").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Disposition", "attachment; filename=\"people-rejected.csv\""))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(rejected).startsWith("\uFEFFexternal_id,first_name,last_name,email,city,error\r\n");
        assertThat(rejected).contains("DRY" + tag + "-2,Bo,\"Berg, jr\",not-an-email,Oslo,email:")
                .contains("DRY" + tag + "-4,Dag,Dahl,dag@,Bergen,email:")
                .contains("DRY" + tag + "-3,Cai,Chen,cai@example.cn,\"Bei\njing\",city:")
                .doesNotContain("DRY" + tag + "-1,");

        long real = upload("people.csv", csv, false);
        assertThat(jobs.find(real).orElseThrow().report().imported()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from customer where external_id like ?").param("DRY" + tag + "%")
                .query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/admin/imports").with(user("admin").roles("ADMIN")))
                .andExpect(content().string(containsString("dry run")));
    }

    @Test
    void eachKindHasATemplateThatImportsAsItIs() throws Exception {
        String template = mvc.perform(get("/admin/imports/template/customers").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(template).startsWith("\uFEFFexternal_id,first_name,last_name,email,phone");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long id = upload("template.csv", template.replace("CUST-1001", "TPL" + tag).replace("L-100200", "TPL-L" + tag)
                .replace("karitrails", "kt" + tag.substring(0, 6)).replace("+47 912 34 567", "")
                .replace("kari.nordmann@", tag + "@"), true);
        assertThat(jobs.find(id).orElseThrow().report().rejected()).as(jobs.find(id).orElseThrow().report().errors()
                .toString()).isZero();
        mvc.perform(get("/admin/imports/template/orders").with(user("admin").roles("ADMIN")))
                .andExpect(content().string(containsString("order_id,customer_external_id,ordered_at")));
        mvc.perform(get("/admin/imports/template/bogus").with(user("admin").roles("ADMIN")))
                .andExpect(status().isNotFound());
    }
}
