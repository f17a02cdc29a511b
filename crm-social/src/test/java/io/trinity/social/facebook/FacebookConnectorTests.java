package io.trinity.social.facebook;

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

/** The Facebook connector (RestFB) against a local Graph stub serving the shared sample responses. */
@SpringBootTest
class FacebookConnectorTests {

    static final String PAGE = "104857392018273";
    static final String FEED = "/v25.0/" + PAGE + "/feed";
    static final String POST = "/v25.0/104857392018273_1223344556677881";
    static final ApiStub stub = new ApiStub("fixtures/facebook/");

    @DynamicPropertySource
    static void graph(DynamicPropertyRegistry registry) {
        registry.add("crm.social.facebook.base-url", stub::baseUrl);
        registry.add("crm.social.facebook.backoff", () -> "1ms");
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
    void brandPage() throws Exception {
        SampleCustomers.reset(jdbc, customers);
        stub.reset();
        connection = connections.create(new ConnectionDraft("facebook", PAGE, "Northwind Outfitters",
                Map.of("pageAccessToken", "EAAGtestPAGEtoken0000NorthwindFixture"), "PT1H")).id();
        stub.otherwise("{\"data\": []}");
        stub.always(POST + "/comments", "post-comments.json");
        stub.always(POST + "/reactions", "post-reactions.json");
        stub.always(POST + "/sharedposts", "post-sharedposts.json");
    }

    private void feedInTwoPages() {
        stub.then(FEED, ok("page-feed-page1.json"), ok("page-feed-page2.json"));
    }

    @Test
    void aSyncFollowsPagingAndStoresCommentsReactionsAndSharesOfDeclaredCustomers() {
        feedInTwoPages();
        SocialSyncs.SyncView sync = syncs.runNow(connection);

        assertThat(sync.status()).as(sync.errorsJson()).isEqualTo("succeeded");
        assertThat(stub.count(FEED)).isEqualTo(2);
        assertThat(stub.last(FEED)).contains("after=0Lr8ACrysI4mdf8Kwcbx1kPEzuAlQ");
        // Ingrid declared her Facebook id in the customer file: her comment, reaction and share are hers.
        var ingrid = jdbc.sql("""
                        select a.type, count(*) as n from activity a join customer c on c.id = a.actor_customer_id
                        where c.external_id = 'CUST-0001' and a.network = 'facebook' group by a.type""")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list();
        assertThat(ingrid).extracting(Map.Entry::getKey).contains("COMMENT", "LIKE", "SHARE");
        // The <script> comment is stored exactly as written, as data.
        assertThat(jdbc.sql("select count(*) from activity where text like '%<script>%'").query(Long.class).single())
                .isOne();
        // The other "Wei Chen" shares a name with a customer but no key: never linked.
        assertThat(jdbc.sql("select customer_id from social_identity where network_user_id = '9981736450021834'")
                .query(Long.class).optional()).isEmpty();
    }

    @Test
    void aSecondSyncAsksOnlyForNewerPostsAndCreatesNothing() {
        feedInTwoPages();
        syncs.runNow(connection);
        long before = jdbc.sql("select count(*) from activity").query(Long.class).single();
        stub.then(FEED, ok("page-feed-page2.json"));

        SocialSyncs.SyncView again = syncs.runNow(connection);

        assertThat(again.status()).isEqualTo("succeeded");
        assertThat(again.created()).isZero();
        assertThat(stub.last(FEED)).contains("since=");
        assertThat(jdbc.sql("select count(*) from activity").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void anExpiredTokenNeedsReauthenticationAndIsNotRetried() {
        stub.then(FEED, new ApiStub.Response(400, Map.of("WWW-Authenticate",
                "OAuth \"Facebook Platform\" \"invalid_token\" \"Error validating access token\""),
                "error-expired-token.json"));
        SocialSyncs.SyncView sync = syncs.runNow(connection);
        assertThat(sync.status()).isEqualTo("failed");
        assertThat(stub.count(FEED)).isOne();
        assertThat(connections.get(connection).status()).isEqualTo("needs-reauth");
    }

    @Test
    void anApplicationRateLimitPausesTheSyncKeepingThePagesBeforeIt() {
        stub.then(FEED, ok("page-feed-page1.json"), new ApiStub.Response(403,
                Map.of("X-App-Usage", "{\"call_count\":100,\"total_cputime\":21,\"total_time\":34}"),
                "error-rate-limit-4.json"));
        SocialSyncs.SyncView sync = syncs.runNow(connection);
        assertThat(sync.status()).isEqualTo("waiting-rate-limit");
        assertThat(jdbc.sql("select count(*) from activity").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select cursor from social_connection where id = ?").param(connection)
                .query(String.class).single()).contains("feedUntil");
    }

    @Test
    void aBusinessUseCaseLimitWaitsAsLongAsGraphEstimates() {
        stub.then(FEED, new ApiStub.Response(400, Map.of("X-Business-Use-Case-Usage", "{\"104857392018273\":"
                + "[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":12,\"total_time\":19,"
                + "\"estimated_time_to_regain_access\":7}]}"), "error-rate-limit-80001.json"));
        SocialSyncs.SyncView sync = syncs.runNow(connection);
        assertThat(sync.status()).isEqualTo("waiting-rate-limit");
        java.time.Instant resume = resumeAt();
        assertThat(resume).isBetween(java.time.Instant.now().plusSeconds(6 * 60),
                java.time.Instant.now().plusSeconds(8 * 60));
        syncs.scheduled(); // not due before Graph said
        assertThat(stub.count(FEED)).isOne();
    }

    @Test
    void highUsageOnASuccessfulPagePausesBeforeGraphRefuses() {
        stub.then(FEED, new ApiStub.Response(200, Map.of("X-App-Usage",
                "{\"call_count\":95,\"total_cputime\":20,\"total_time\":30}"), "page-feed-page1.json"),
                ok("page-feed-page2.json"));
        SocialSyncs.SyncView sync = syncs.runNow(connection);
        assertThat(sync.status()).isEqualTo("waiting-rate-limit");
        assertThat(stub.count(FEED)).isOne(); // page 2 was not asked for
        assertThat(resumeAt()).isAfter(java.time.Instant.now());
    }

    private java.time.Instant resumeAt() {
        return jdbc.sql("select resume_at from social_connection where id = ?").param(connection)
                .query(java.sql.Timestamp.class).single().toInstant();
    }

    @Test
    void aServerErrorIsRetriedWithBackoff() {
        stub.then(FEED, new ApiStub.Response(500, Map.of(), null), ok("page-feed-page1.json"),
                ok("page-feed-page2.json"));
        SocialSyncs.SyncView sync = syncs.runNow(connection);
        assertThat(sync.status()).as(sync.errorsJson()).isEqualTo("succeeded");
        assertThat(stub.count(FEED)).isEqualTo(3);
    }

    @Test
    void aTruncatedPageIsRetriedThenTheSyncStops() {
        stub.then(FEED, ok("malformed.txt"), ok("malformed.txt"), ok("malformed.txt"));
        SocialSyncs.SyncView sync = syncs.runNow(connection);
        assertThat(sync.status()).isEqualTo("failed");
        assertThat(stub.count(FEED)).isEqualTo(3);
        assertThat(connections.get(connection).status()).isEqualTo("failing");
    }

    private static ApiStub.Response ok(String fixture) {
        return new ApiStub.Response(200, Map.of(), fixture);
    }
}
