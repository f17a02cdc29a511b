package io.trinity.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.trinity.customer.CustomerFilter;
import io.trinity.customer.CustomerService;
import io.trinity.identity.IdentityStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class CustomerCsvImportTests {

    @Autowired
    CustomerCsvImport importer;

    @Autowired
    CustomerService customers;

    @Autowired
    IdentityStore identities;

    @Autowired
    JdbcClient jdbc;

    @Test
    void importsTheSharedCustomerFileAndLinksDeclaredAccounts() throws IOException {
        ImportReport report = importer.importCsv(fixture("customers.csv"));
        assertThat(report.rowsRead()).isEqualTo(12);
        assertThat(report.rejected()).isZero();
        assertThat(report.imported()).isEqualTo(12);
        assertThat(report.errors()).isEmpty();

        var ingrid = customers.list(new CustomerFilter("CUST-0001", null, null), 5, null).items().get(0);
        assertThat(ingrid.email()).isEqualTo("ingrid.solberg@example.com");
        assertThat(ingrid.country()).isEqualTo("NO");
        assertThat(ingrid.marketingConsent()).isTrue();
        assertThat(ingrid.createdAt()).hasToString("2023-04-18T09:12:00Z");
        assertThat(identities.forCustomer(ingrid.id()))
                .extracting(i -> i.network() + ":" + (i.networkUserId() != null ? i.networkUserId() : i.handle()))
                .containsExactlyInAnyOrder("facebook:10228471190334521", "x:IngridPaddles");

        var liam = customers.list(new CustomerFilter("CUST-0005", null, null), 5, null).items().get(0);
        assertThat(liam.lastName()).isEqualTo("O'Brien");
    }

    @Test
    void reimportingTheSameFileChangesNothing() throws IOException {
        importer.importCsv(fixture("customers.csv"));
        long identitiesBefore = jdbc.sql("select count(*) from social_identity").query(Long.class).single();

        ImportReport again = importer.importCsv(fixture("customers.csv"));

        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(12);
        assertThat(jdbc.sql("select count(*) from social_identity").query(Long.class).single())
                .isEqualTo(identitiesBefore);
    }

    @Test
    void theBadFileImportsItsFiveGoodRowsAndNamesTheThreeBadOnes() throws IOException {
        ImportReport report = importer.importCsv(fixture("customers-bad.csv"));

        assertThat(report.rowsRead()).isEqualTo(8);
        assertThat(report.imported()).isEqualTo(5);
        assertThat(report.rejected()).isEqualTo(3);
        assertThat(report.errors()).extracting(RowError::line, RowError::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4L, "email"),
                        org.assertj.core.groups.Tuple.tuple(6L, "external_id"),
                        org.assertj.core.groups.Tuple.tuple(7L, "created_at"));
        assertThat(customers.list(new CustomerFilter("CUST-0102", null, null), 5, null).items())
                .singleElement().satisfies(c -> assertThat(c.lastName()).isEqualTo("Hill, Jr."));
        assertThat(customers.list(new CustomerFilter("CUST-0101", null, null), 5, null).items())
                .singleElement().satisfies(c -> assertThat(c.city()).isEqualTo("Tromsø"));
        assertThat(customers.list(new CustomerFilter("CUST-0103", null, null), 5, null).items()).isEmpty();
        assertThat(customers.list(new CustomerFilter("CUST-0106", null, null), 5, null).items()).isEmpty();
        assertThat(customers.list(new CustomerFilter("CUST-0107", null, null), 5, null).items())
                .singleElement().satisfies(c -> assertThat(c.createdAt()).hasToString("2025-08-14T07:20:00Z"));
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRejectedAlone() {
        String csv = "external_id,first_name,email\nCSV-A1,Ann,ann@example.com\nCSV-A2,Bob\nCSV-A3,Cy,cy@example.com\n";
        ImportReport report = importer.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.errors()).singleElement().satisfies(e -> assertThat(e.line()).isEqualTo(3));
    }

    @Test
    void aQuotedFieldSpanningLinesKeepsLaterLineNumbersPhysical() {
        String csv = "external_id,first_name,email\nCSV-B1,\"Ann\nMarie\",ann@example.com\nCSV-B2,Bob,not-an-email\n";
        ImportReport report = importer.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        // Ann's name has a line break: refused as control characters; Bob's row starts on physical line 4.
        assertThat(report.errors()).extracting(RowError::line).containsExactly(2L, 4L);
    }

    @Test
    void aFileCutOffInsideAQuoteKeepsTheRowsBeforeIt() {
        String csv = "external_id,first_name,email\nCSV-C1,Ann,ann.c1@example.com\nCSV-C2,\"Bob,bob@example.com\n";
        ImportReport report = importer.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("not valid CSV"));
        assertThat(customers.list(new CustomerFilter("CSV-C1", null, null), 5, null).items()).hasSize(1);
    }

    private static InputStream fixture(String name) throws IOException {
        return new ClassPathResourceStream("fixtures/customers/" + name).open();
    }

    private record ClassPathResourceStream(String path) {
        InputStream open() throws IOException {
            return new org.springframework.core.io.ClassPathResource(path).getInputStream();
        }
    }

    @Test
    void aColumnTrinityDoesNotImportRefusesTheFileNamingIt() {
        String csv = "external_id,first_name,shoe_size,house_colour\nCSV-U1,Una,38,red\n";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> importer.importCsv(
                        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(io.trinity.shared.InvalidInputException.class)
                .hasMessageContaining("'shoe_size'").hasMessageContaining("'house_colour'")
                .hasMessageContaining("Nothing was imported");
        assertThat(customers.list(new CustomerFilter("CSV-U1", null, null), 5, null).items()).isEmpty();
    }
}
