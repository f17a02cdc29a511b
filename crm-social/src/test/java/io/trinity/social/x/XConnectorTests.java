package io.trinity.social.x;

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

/**
 * The X connector against a local stub serving the shared sample responses: paging, idempotent re-syncs,
 * matching declared handles, rate limits, revoked tokens, server errors and truncated bodies. Assertions are on
 * what lands in PostgreSQL.
 */
@SpringBootTest
class XConnectorTests {

    static final String BRAND = "1398275640213458944";
    static final String SEARCH = "/2/tweets/search/recent";
    static final String FOLLOWERS = "/2/users/" + BRAND + "/followers";
    static final ApiStub stub = new ApiStub();

    @DynamicPropertySource
    static void x(DynamicPropertyRegistry registry) {
        registry.add("crm.social.x.base-url", stub::baseUrl);
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

    @Autowired
    javax.sql.DataSource dataSource;

    long connection;

    @BeforeEach
    void brandAccountAndCustomers() throws Exception {
        SampleCustomers.reset(jdbc, customers);
        stub.reset();
        connection = connections.create(new ConnectionDraft("x", BRAND, "@NorthwindOutfit",
                Map.of("bearerToken", "AAAAtest-bearer"), "PT1H")).id();
        stub.always(SEARCH, "search-recent-brand-mentions.json");
        stub.otherwise("{\"meta\": {\"result_count\": 0}}"); // every other timeline is empty
    }

    private void followersInTwoPages() {
        stub.then(FOLLOWERS, ok("followers-page1.json"), ok("followers-page2.json"));
    }

    @Test
    void aSyncStoresMentionsAndFollowersAndLinksDeclaredHandles() {
        followersInTwoPages();
        SocialSyncs.SyncView sync = syncs.runNow(connection);

        assertThat(sync.status()).isEqualTo("succeeded");
        assertThat(stub.last(FOLLOWERS)).contains("pagination_token=SRJER7PYL9MIOE5W");
        assertThat(stub.authorizations).allMatch("Bearer AAAAtest-bearer"::equals);
        // Liam declared liamob_pnw in the customer file: the X account becomes his, with its id and audience.
        Map<String, Object> liam = jdbc.sql("""
                        select i.network_user_id, i.follower_count, i.link_method, c.external_id
                        from social_identity i join customer c on c.id = i.customer_id
                        where i.network = 'x' and lower(i.handle) = 'liamob_pnw'""").query().singleRow();
        assertThat(liam).containsEntry("network_user_id", "1120948573620485120").containsEntry("external_id",
                "CUST-0005").containsEntry("link_method", "DECLARED");
        assertThat(liam.get("follower_count")).isEqualTo(342L);
        // His complaint is a mention on his customer profile.
        assertThat(jdbc.sql("""
                        select count(*) from activity a join customer c on c.id = a.actor_customer_id
                        where a.network = 'x' and a.external_id = '2124989910103072475' and c.external_id = 'CUST-0005'
                          and a.type = 'MENTION'""").query(Long.class).single()).isOne();
        // X's HTML escaping is undone once; hostile text is stored as the author wrote it.
        assertThat(jdbc.sql("select count(*) from activity where network = 'x' and text like '%&amp;%'")
                .query(Long.class).single()).isZero();
        // Prospects and spammers stay unmatched.
        assertThat(jdbc.sql("select customer_id from social_identity where network = 'x' and handle = 'trailmix_tom'")
                .query(Long.class).optional()).isEmpty();
        assertThat(jdbc.sql("select count(*) from activity where type = 'FOLLOW'").query(Long.class).single())
                .isEqualTo(sync.fetched() - mentionCount());
    }

    @Test
    void customersTimelinesArePagedAndClassifiedAndOnlyNewerPostsAreAskedForNext() {
        String ingrid = "/2/users/2209847561/tweets";
        followersInTwoPages();
        stub.then(ingrid, ok("user-tweets-page1.json"), ok("user-tweets-page2.json"));
        SocialSyncs.SyncView sync = syncs.runNow(connection);
        assertThat(sync.status()).as(sync.errorsJson()).isEqualTo("succeeded");
        assertThat(stub.last(ingrid)).contains("pagination_token=vpetp6937zklf2wa06rc9wyr64gbamcs0g5eolxpdac22");
        var types = jdbc.sql("""
                        select a.external_id, a.type, a.target_post_id from activity a
                        join customer c on c.id = a.actor_customer_id
                        where c.external_id = 'CUST-0001' and a.network = 'x'""")
                .query((rs, n) -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3)).list();
        assertThat(types).contains("2123023413183867284:SHARE:2122721424351885509",
                "2123894172528991200:COMMENT:2123872761978977083", "2124050976219516768:SHARE:2123823687976025975");
        assertThat(types).hasSizeGreaterThanOrEqualTo(8);

        followersInTwoPages();
        stub.then(ingrid, ok("user-tweets-empty.json"));
        SocialSyncs.SyncView again = syncs.runNow(connection);
        assertThat(again.created()).isZero();
        assertThat(stub.last(ingrid)).contains("since_id=2124581866235343361");
    }

    @Test
    void whoRepostedTheBrandsPostsIsStoredOnTheirProfiles() {
        followersInTwoPages();
        stub.always("/2/users/" + BRAND + "/tweets", "brand-tweets.json");
        stub.always("/2/tweets/2122721424351885509/retweeted_by", "retweeted-by.json");
        SocialSyncs.SyncView sync = syncs.runNow(connection);
        assertThat(sync.status()).as(sync.errorsJson()).isEqualTo("succeeded");
        var reposters = jdbc.sql("""
                        select c.external_id from activity a join customer c on c.id = a.actor_customer_id
                        where a.type = 'SHARE' and a.target_post_id = '2122721424351885509'
                          and a.external_id like 'repost:%'""")
                .query(String.class).list();
        assertThat(reposters).contains("CUST-0006", "CUST-0007", "CUST-0010");
        assertThat(stub.count("/2/tweets/2122721424351885509/liking_users")).isZero(); // no likes reported
        SocialSyncs.SyncView again = syncs.runNow(connection);
        assertThat(again.created()).isZero();
    }

    @Test
    void aSecondSyncCreatesNothingAndAsksOnlyForNewerMentions() {
        followersInTwoPages();
        syncs.runNow(connection);
        long activities = count("activity");
        long identities = count("social_identity");
        followersInTwoPages();

        SocialSyncs.SyncView again = syncs.runNow(connection);

        assertThat(again.status()).isEqualTo("succeeded");
        assertThat(again.created()).isZero();
        assertThat(count("activity")).isEqualTo(activities);
        assertThat(count("social_identity")).isEqualTo(identities);
        assertThat(stub.last(SEARCH)).contains("since_id=2124989910103072475");
    }

    @Test
    void aRateLimitPausesAtThePageAndTheNextSyncResumesThere() {
        stub.then(FOLLOWERS, ok("followers-page1.json"), new ApiStub.Response(429,
                Map.of("x-rate-limit-remaining", "0", "x-rate-limit-reset", "1795513500"), "error-429.json"));
        SocialSyncs.SyncView paused = syncs.runNow(connection);
        assertThat(paused.status()).isEqualTo("waiting-rate-limit");
        assertThat(paused.errorsJson()).contains("2026-11-24T09:45:00Z");
        java.time.Instant resume = jdbc.sql("select resume_at from social_connection where id = ?").param(connection)
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(resume).isBetween(java.time.Instant.parse("2026-11-24T09:45:01Z"),
                java.time.Instant.parse("2026-11-24T09:45:02Z"));
        long afterFirstPage = count("activity");

        stub.requests.clear();
        stub.then(FOLLOWERS, ok("followers-page2.json"));
        SocialSyncs.SyncView resumed = syncs.runNow(connection);

        assertThat(resumed.status()).isEqualTo("succeeded");
        assertThat(stub.requests.stream().filter(r -> r.startsWith(FOLLOWERS)).findFirst().orElseThrow())
                .contains("pagination_token=SRJER7PYL9MIOE5W");
        assertThat(count("activity")).isGreaterThan(afterFirstPage);
    }

    @Test
    void anExhaustedWindowStopsBeforeTheNextPageInsteadOfEarningA429() {
        stub.then(FOLLOWERS, new ApiStub.Response(200, Map.of("x-rate-limit-remaining", "0",
                "x-rate-limit-reset", "1795513500"), "followers-page1.json"));
        SocialSyncs.SyncView sync = syncs.runNow(connection);
        assertThat(sync.status()).isEqualTo("waiting-rate-limit");
        assertThat(stub.count(FOLLOWERS)).isOne();
        assertThat(jdbc.sql("select cursor from social_connection where id = ?").param(connection)
                .query(String.class).single()).contains("SRJER7PYL9MIOE5W");
    }

    @Test
    void aSpentUsageCapPausesTheConnectionUntilAnAdminResumesIt() {
        stub.then(SEARCH, new ApiStub.Response(429, Map.of("x-rate-limit-remaining", "512"),
                "error-429-usage-cap.json"));
        SocialSyncs.SyncView sync = syncs.runNow(connection);
        assertThat(sync.status()).isEqualTo("failed");
        assertThat(sync.errorsJson()).contains("usage cap");
        assertThat(connections.get(connection).status()).isEqualTo("paused");
        assertThat(stub.count(SEARCH)).isOne();
    }

    @Test
    void aRevokedTokenMarksTheConnectionForReauthenticationWithoutRetrying() {
        stub.then(SEARCH, new ApiStub.Response(401, Map.of(), "error-401.json"));
        SocialSyncs.SyncView sync = syncs.runNow(connection);
        assertThat(sync.status()).isEqualTo("failed");
        assertThat(stub.count(SEARCH)).isOne();
        assertThat(connections.get(connection).status()).isEqualTo("needs-reauth");
    }

    @Test
    void aServerErrorIsRetriedWithBackoff() {
        followersInTwoPages();
        stub.then(SEARCH, new ApiStub.Response(503, Map.of(), null));
        SocialSyncs.SyncView sync = syncs.runNow(connection);
        assertThat(sync.status()).isEqualTo("succeeded");
        assertThat(stub.count(SEARCH)).isEqualTo(2);
    }

    @Test
    void aTruncatedPageIsRetriedThenTheSyncStopsKeepingWhatWasCommitted() {
        stub.then(FOLLOWERS, ok("followers-page1.json"), ok("malformed.txt"), ok("malformed.txt"),
                ok("malformed.txt"));
        SocialSyncs.SyncView sync = syncs.runNow(connection);
        assertThat(sync.status()).isEqualTo("failed");
        assertThat(sync.errorsJson()).contains("malformed").contains("NorthwindOutfit");
        assertThat(connections.get(connection).status()).isEqualTo("failing");
        assertThat(jdbc.sql("select count(*) from activity where type = 'FOLLOW'").query(Long.class).single())
                .isEqualTo(8);
        assertThat(jdbc.sql("select cursor from social_connection where id = ?").param(connection)
                .query(String.class).single()).contains("SRJER7PYL9MIOE5W");
    }

    @Test
    void oneRunnerPerConnectionEvenAcrossInstances() throws Exception {
        try (var other = dataSource.getConnection(); var ps = other.prepareStatement("select pg_advisory_lock(?, ?)")) {
            ps.setInt(1, 0x534f43);
            ps.setInt(2, (int) connection);
            ps.execute(); // another instance is syncing this connection
            SocialSyncs.SyncView refused = syncs.runNow(connection);
            assertThat(refused.status()).isEqualTo("failed");
            assertThat(refused.errorsJson()).contains("another sync");
            assertThat(stub.requests).isEmpty();
            other.prepareStatement("select pg_advisory_unlock_all()").execute();
        }
    }

    @Test
    void theSchedulerSyncsConnectionsThatAreDue() {
        followersInTwoPages();
        syncs.scheduled();
        assertThat(stub.count(SEARCH)).isOne();
        syncs.scheduled(); // synced a moment ago: not due again within its PT1H schedule
        assertThat(stub.count(SEARCH)).isOne();
    }

    private long mentionCount() {
        return jdbc.sql("select count(*) from activity where network = 'x' and type <> 'FOLLOW'").query(Long.class)
                .single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static ApiStub.Response ok(String fixture) {
        return new ApiStub.Response(200, Map.of("x-rate-limit-remaining", "899"), fixture);
    }
}
