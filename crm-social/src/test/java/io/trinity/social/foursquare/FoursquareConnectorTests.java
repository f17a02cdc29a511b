package io.trinity.social.foursquare;

import static org.assertj.core.api.Assertions.assertThat;

import io.trinity.imports.CustomerCsvImport;
import io.trinity.social.ApiStub;
import io.trinity.social.SampleCustomers;
import io.trinity.social.connection.ConnectionDraft;
import io.trinity.social.connection.Connections;
import io.trinity.social.sync.SocialSyncs;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Foursquare check-ins against a local stub: stores from venues, customers from exact contacts only. */
@SpringBootTest
class FoursquareConnectorTests {

    static final ApiStub stub = new ApiStub("fixtures/foursquare/");

    @DynamicPropertySource
    static void foursquare(DynamicPropertyRegistry registry) {
        registry.add("crm.social.foursquare.base-url", stub::baseUrl);
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @Autowired
    SocialSyncs syncs;

    @Autowired
    Connections connections;

    @Autowired
    CustomerCsvImport customers;

    @Autowired
    JdbcClient jdbc;

    long connection;

    @BeforeEach
    void venueGroup() throws Exception {
        SampleCustomers.reset(jdbc, customers);
        stub.reset();
        connection = connections.create(new ConnectionDraft("foursquare", "northwind-stores", "Northwind stores",
                Map.of("oauthToken", "FSQtest-token"), "PT1H")).id();
        stub.always("/v2/venuegroups/northwind-stores/checkins", "foursquare-checkins.json");
    }

    @Test
    void checkinsLandOnTheRightCustomersAndStoresOnce() {
        SocialSyncs.SyncView sync = syncs.runNow(connection);
        assertThat(sync.status()).as(sync.errorsJson()).isEqualTo("succeeded");
        assertThat(sync.created()).isEqualTo(11);

        assertThat(customerOf("503388121")).isEqualTo("CUST-0003");   // Wei Chen, by e-mail
        assertThat(customerOf("88765012")).isEqualTo("CUST-0006");    // Sofia.Rossi@Example.com, case-insensitive
        assertThat(customerOf("93001245")).isEqualTo("CUST-0004");    // Aisha: only her X username, which is hers
        assertThat(customerOf("77120934")).isNull();                  // Liam "O.": no contact, stays unmatched
        assertThat(jdbc.sql("""
                        select count(*) from activity a join customer c on c.id = a.actor_customer_id
                        where a.network = 'foursquare' and c.external_id = 'CUST-0003' and a.target_store_id = 'ST-SEA'""")
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from activity where network = 'foursquare' and target_store_id is null")
                .query(Long.class).single()).isPositive(); // the partner hotel has no store

        SocialSyncs.SyncView again = syncs.runNow(connection);
        assertThat(again.created()).isZero();
        assertThat(stub.last("/v2/venuegroups")).contains("afterTimestamp=1795456512");
    }

    private String customerOf(String foursquareUserId) {
        return jdbc.sql("""
                        select c.external_id from social_identity i left join customer c on c.id = i.customer_id
                        where i.network = 'foursquare' and i.network_user_id = ?""")
                .param(foursquareUserId).query(String.class).optional().orElse(null);
    }
}
