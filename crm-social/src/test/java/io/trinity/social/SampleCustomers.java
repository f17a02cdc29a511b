package io.trinity.social;

import io.trinity.imports.CustomerCsvImport;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every connector test starts from the twelve sample customers and no social data. */
public final class SampleCustomers {

    private SampleCustomers() {
    }

    public static void reset(JdbcClient jdbc, CustomerCsvImport customers) {
        jdbc.sql("truncate customer, social_identity, activity, social_connection, customer_changed cascade").update();
        try {
            customers.importCsv(new ClassPathResource("fixtures/customers/customers.csv").getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
