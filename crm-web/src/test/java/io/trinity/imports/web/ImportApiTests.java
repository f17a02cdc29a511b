package io.trinity.imports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.trinity.web.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@ApiTest
class ImportApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSharedCustomerAndOrderFilesImportAndReimportingChangesNothing() throws Exception {
        mvc.perform(post("/api/v1/imports/customers").with(httpBasic("integration", "demo"))
                        .contentType("text/csv").content(fixture("customers.csv")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rowsRead").value(12))
                .andExpect(jsonPath("$.rejected").value(0));

        mvc.perform(multipart("/api/v1/imports/orders")
                        .file(new MockMultipartFile("file", "orders.csv", "text/csv", fixture("orders.csv")))
                        .with(httpBasic("integration", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rowsRead").value(60))
                .andExpect(jsonPath("$.imported").value(60))
                .andExpect(jsonPath("$.rejected").value(0));

        mvc.perform(post("/api/v1/imports/orders").with(httpBasic("integration", "demo"))
                        .contentType("text/csv").content(fixture("orders.csv")))
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(60));

        assertThat(jdbc.sql("select amount_minor from orders where external_id = 'NW-58102-R1'").query(Long.class)
                .single()).isEqualTo(-18900L);
        assertThat(jdbc.sql("""
                        select count(*) from orders o join customer c on c.id = o.customer_id
                        where c.external_id = 'CUST-0001' and o.currency = 'NOK'""").query(Long.class).single())
                .isEqualTo(11L);
    }

    @Test
    void theBadCustomerFileReportsLineColumnAndReason() throws Exception {
        mvc.perform(multipart("/api/v1/imports/customers")
                        .file(new MockMultipartFile("file", "customers-bad.csv", "text/csv",
                                fixture("customers-bad.csv")))
                        .with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rowsRead").value(8))
                .andExpect(jsonPath("$.imported").value(5))
                .andExpect(jsonPath("$.rejected").value(3))
                .andExpect(jsonPath("$.errors[0].line").value(4))
                .andExpect(jsonPath("$.errors[0].column").value("email"))
                .andExpect(jsonPath("$.errors[1].line").value(6))
                .andExpect(jsonPath("$.errors[1].column").value("external_id"))
                .andExpect(jsonPath("$.errors[2].line").value(7))
                .andExpect(jsonPath("$.errors[2].column").value("created_at"));
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsABadRequest() throws Exception {
        mvc.perform(post("/api/v1/imports/orders").with(httpBasic("integration", "demo"))
                        .contentType("text/csv").content("id,when\n1,today\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
    }

    @Test
    void aMultipartRequestWithoutAFileIsABadRequest() throws Exception {
        mvc.perform(multipart("/api/v1/imports/customers").with(httpBasic("integration", "demo")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithAClearReason() throws Exception {
        byte[] latin1 = "external_id,first_name\nLAT-1,Ana\nLAT-2,J\u00f8rn\n".getBytes("ISO-8859-1");
        mvc.perform(post("/api/v1/imports/customers").with(httpBasic("integration", "demo"))
                        .contentType("text/csv").content(latin1))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("not UTF-8")));
        assertThat(jdbc.sql("select count(*) from customer where external_id like 'LAT-%'").query(Long.class)
                .single()).isZero();
    }

    private static byte[] fixture(String name) throws Exception {
        return new ClassPathResource("fixtures/customers/" + name).getContentAsByteArray();
    }
}
