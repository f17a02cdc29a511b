package io.trinity.loyalty.web;

import static io.trinity.web.Requests.get;
import static io.trinity.web.Requests.postJson;
import static io.trinity.web.Requests.putJson;
import static io.trinity.web.Requests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.trinity.web.ApiTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The seeds' programmes built through the API as a loyalty admin would build them in the console, then fed the
 * matching orders and activities through the public ingest API, twice: Moosejaw-style points for purchases,
 * shares and check-ins; a perk for high-influence hotel guests; refer-a-friend with a credit per conversion and a
 * free item at three friends. The ledger, balances, tiers, perks and issued rewards must come out exactly as
 * computed by hand, once.
 */
@ApiTest
class LoyaltyProgrammeApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    final List<Long> rules = new ArrayList<>();

    @AfterEach
    void retireRules() throws Exception {
        for (long id : rules) {
            mvc.perform(postJson("loyalty", "/api/v1/loyalty/rules/" + id + "/retire", "")).andExpect(status().isOk());
        }
    }

    long rule(String json) throws Exception {
        String body = mvc.perform(postJson("loyalty", "/api/v1/loyalty/rules", json))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        rules.add(id);
        mvc.perform(postJson("loyalty", "/api/v1/loyalty/rules/" + id + "/activate", ""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
        return id;
    }

    long reward(String json) throws Exception {
        String body = mvc.perform(postJson("loyalty", "/api/v1/loyalty/rewards", json)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    long customer(String externalId) {
        return jdbc.sql("select id from customer where external_id = ?").param(externalId).query(Long.class).single();
    }

    void send(String path, String json) throws Exception {
        for (int delivery = 0; delivery < 2; delivery++) {
            mvc.perform(postJson("integration", path, json)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.rejected").value(0));
        }
    }

    List<Integer> points(long customerId) throws Exception {
        String body = mvc.perform(get("service", "/api/v1/customers/" + customerId + "/ledger"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.items[*].points");
    }

    @Test
    void theSeedsProgrammesEarnExactlyOnceEvenWhenEverythingIsSentTwice() throws Exception {
        String p = unique("LP");
        String store = "ST-" + p;
        String tag = "trail" + p.substring(3).replace("-", "");
        for (String who : List.of("rita", "f1", "f2", "f3")) {
            mvc.perform(postJson("integration", "/api/v1/customers", """
                    {"externalId": "%s-%s", "firstName": "%s", "lastName": "Tester"}""".formatted(p, who, who)))
                    .andExpect(status().isCreated());
        }
        long rita = customer(p + "-rita");
        rule("""
                {"name": "Points for purchases", "trigger": "PURCHASE", "priority": 10,
                 "conditions": {"store": "%s"}, "effect": {"kind": "POINTS_PER_UNIT", "points": 1}}""".formatted(store));
        rule("""
                {"name": "Share to earn", "trigger": "SHARE", "conditions": {"hashtag": "%s"},
                 "effect": {"kind": "FIXED_POINTS", "points": 50}, "limits": {"period": "DAY", "count": 3}}"""
                .formatted(tag));
        rule("""
                {"name": "Check in at the store", "trigger": "CHECKIN", "conditions": {"store": "%s"},
                 "effect": {"kind": "FIXED_POINTS", "points": 25}, "limits": {"period": "DAY", "count": 1}}"""
                .formatted(store));
        long credit = reward("""
                {"name": "$20 store credit %s", "kind": "STORE_CREDIT", "pointsPrice": 0, "credit": "20.00",
                 "creditCurrency": "USD"}""".formatted(p));
        long freeItem = reward("""
                {"name": "Free water bottle %s", "kind": "GIFT", "pointsPrice": 0, "stock": 100}""".formatted(p));
        rule("""
                {"name": "$20 per friend", "trigger": "REFERRAL_CONVERTED",
                 "conditions": {"referralRole": "REFERRER"}, "effect": {"kind": "ISSUE_REWARD", "rewardId": %d}}"""
                .formatted(credit));
        rule("""
                {"name": "Three friends bonus", "trigger": "REFERRAL_CONVERTED",
                 "conditions": {"referralRole": "REFERRER", "minReferrals": 3},
                 "effect": {"kind": "ISSUE_REWARD", "rewardId": %d}, "limits": {"oncePerCustomer": true}}"""
                .formatted(freeItem));
        rule("""
                {"name": "Welcome, friend", "trigger": "REFERRAL_CONVERTED", "conditions": {"referralRole": "REFERRED"},
                 "effect": {"kind": "FIXED_POINTS", "points": 100}}""");

        String code = JsonPath.read(mvc.perform(postJson("integration", "/api/v1/customers/" + rita
                + "/referral-code", "")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(),
                "$.referralCode");
        for (String friend : List.of("f1", "f2", "f3")) {
            mvc.perform(postJson("integration", "/api/v1/referrals", """
                    {"referralCode": "%s", "referredCustomerId": %d}""".formatted(code, customer(p + "-" + friend))))
                    .andExpect(status().isCreated());
        }
        mvc.perform(postJson("integration", "/api/v1/referrals", """
                {"referrerCustomerId": %d, "referredCustomerId": %d}""".formatted(rita, rita)))
                .andExpect(status().isBadRequest());

        OffsetDateTime day = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).withHour(10).withMinute(0);
        send("/api/v1/orders", """
                [{"externalId": "%1$s-o1", "customerExternalId": "%1$s-rita", "orderedAt": "%2$s",
                  "amount": "400.99", "currency": "USD", "channel": "store", "storeId": "%3$s"},
                 {"externalId": "%1$s-o2", "customerExternalId": "%1$s-f1", "orderedAt": "%2$s",
                  "amount": "30.00", "currency": "USD", "channel": "store", "storeId": "%3$s"},
                 {"externalId": "%1$s-o3", "customerExternalId": "%1$s-f2", "orderedAt": "%2$s",
                  "amount": "30.00", "currency": "USD", "channel": "web"},
                 {"externalId": "%1$s-o4", "customerExternalId": "%1$s-f3", "orderedAt": "%2$s",
                  "amount": "30.00", "currency": "USD", "channel": "store", "storeId": "%3$s"}]"""
                .formatted(p, day, store));
        StringBuilder shares = new StringBuilder("[");
        for (int i = 0; i < 4; i++) {
            shares.append(i == 0 ? "" : ",").append("""
                    {"network": "facebook", "externalId": "%1$s-s%2$d", "type": "SHARE", "occurredAt": "%3$s",
                     "actor": {"customerExternalId": "%1$s-rita"}, "text": "New boots! #%4$s"}"""
                    .formatted(p, i, day.plusMinutes(i), tag));
        }
        shares.append(",").append("""
                {"network": "x", "externalId": "%1$s-s9", "type": "SHARE", "occurredAt": "%2$s",
                 "actor": {"customerExternalId": "%1$s-f1"}, "text": "no hashtag"},
                {"network": "instore", "externalId": "%1$s-c1", "type": "CHECKIN", "occurredAt": "%2$s",
                 "actor": {"customerExternalId": "%1$s-rita"}, "target": {"storeId": "%3$s"}},
                {"network": "instore", "externalId": "%1$s-c2", "type": "CHECKIN", "occurredAt": "%4$s",
                 "actor": {"customerExternalId": "%1$s-rita"}, "target": {"storeId": "%3$s"}}]"""
                .formatted(p, day, store, day.plusHours(2)));
        send("/api/v1/activities", shares.toString());

        // Rita: 400 (purchase, whole dollars) + 3 × 50 (shares, 3 a day) + 25 (one check-in a day) = 575.
        assertThat(points(rita)).containsExactlyInAnyOrder(400, 50, 50, 50, 25);
        String summary = mvc.perform(get("service", "/api/v1/customers/" + rita + "/loyalty"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Integer>read(summary, "$.balance")).isEqualTo(575);
        assertThat(JsonPath.<String>read(summary, "$.tier.code")).isEqualTo("SILVER");
        assertThat(JsonPath.<Integer>read(summary, "$.referralsConverted")).isEqualTo(3);
        List<String> issued = JsonPath.read(summary, "$.redemptions[*].rewardName");
        assertThat(issued).containsExactlyInAnyOrder("$20 store credit " + p, "$20 store credit " + p,
                "$20 store credit " + p, "Free water bottle " + p);
        for (String friend : List.of("f1", "f3")) {
            assertThat(points(customer(p + "-" + friend))).as(friend).containsExactlyInAnyOrder(30, 100);
        }
        assertThat(points(customer(p + "-f2"))).as("a web order is not at the store").containsExactly(100);
        assertThat(jdbc.sql("select balance from loyalty_account where customer_id = ?").param(rita)
                .query(Long.class).single()).isEqualTo(jdbc.sql("select sum(points) from loyalty_ledger"
                        + " where customer_id = ?").param(rita).query(Long.class).single());

        // The refund of Rita's order takes its points back; redeeming never demotes her.
        send("/api/v1/orders", """
                [{"externalId": "%1$s-o1-R1", "customerExternalId": "%1$s-rita", "orderedAt": "%2$s",
                  "amount": "-400.99", "currency": "USD", "channel": "store", "storeId": "%3$s"}]"""
                .formatted(p, day.plusHours(5), store));
        assertThat(points(rita).get(0)).isEqualTo(-400);
        mvc.perform(get("service", "/api/v1/customers/" + rita + "/loyalty"))
                .andExpect(jsonPath("$.balance").value(175)).andExpect(jsonPath("$.tier.code").value("BASE"));
    }

    @Test
    void highInfluenceGuestsGetTheUpgradePerkFromTheRealValuation() throws Exception {
        String p = unique("LI");
        for (String who : List.of("hugo", "lena", "fan1", "fan2", "fan3")) {
            mvc.perform(postJson("integration", "/api/v1/customers", """
                    {"externalId": "%s-%s", "firstName": "%s"}""".formatted(p, who, who)))
                    .andExpect(status().isCreated());
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        StringBuilder activity = new StringBuilder("[");
        for (int i = 1; i <= 3; i++) {
            activity.append(i == 1 ? "" : ",").append("""
                    {"network": "x", "externalId": "%1$s-f%2$d", "type": "FOLLOW", "occurredAt": "%3$sT08:00:00Z",
                     "actor": {"customerExternalId": "%1$s-fan%2$d"}, "target": {"customerExternalId": "%1$s-hugo"}},
                    {"network": "x", "externalId": "%1$s-p%2$d", "type": "MENTION", "occurredAt": "%3$sT09:0%2$d:00Z",
                     "actor": {"customerExternalId": "%1$s-hugo"}, "text": "@NorthwindOutfit best gear",
                     "metrics": {"likes": 900, "reposts": 120, "replies": 40}}""".formatted(p, i, today));
        }
        activity.append("]");
        send("/api/v1/activities", activity.toString());
        runScoring(today);
        long hugo = customer(p + "-hugo");
        long lena = customer(p + "-lena");
        double high = influence(hugo);
        double low = influence(lena);
        assertThat(high).as("the followed, much-amplified guest").isGreaterThan(low);
        double threshold = (high + low) / 2;
        long upgrade = rule("""
                {"name": "Room upgrade for influencers", "trigger": "CHECKIN",
                 "conditions": {"minInfluence": %s, "network": "foursquare"},
                 "effect": {"kind": "GRANT_PERK", "perk": "Room upgrade"}}""".formatted(threshold));
        send("/api/v1/activities", """
                [{"network": "foursquare", "externalId": "%1$s-c1", "type": "CHECKIN", "occurredAt": "%2$s",
                  "actor": {"customerExternalId": "%1$s-hugo"}, "target": {"storeId": "HOTEL-%1$s"}},
                 {"network": "foursquare", "externalId": "%1$s-c2", "type": "CHECKIN", "occurredAt": "%3$s",
                  "actor": {"customerExternalId": "%1$s-hugo"}, "target": {"storeId": "HOTEL-%1$s"}},
                 {"network": "foursquare", "externalId": "%1$s-c3", "type": "CHECKIN", "occurredAt": "%3$s",
                  "actor": {"customerExternalId": "%1$s-lena"}, "target": {"storeId": "HOTEL-%1$s"}}]"""
                // Check-ins that have happened: one dated ahead would earn only once its time comes.
                .formatted(p, java.time.Instant.now().minusSeconds(600), java.time.Instant.now().minusSeconds(300)));
        String hugoLoyalty = mvc.perform(get("service", "/api/v1/customers/" + hugo + "/loyalty"))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(hugoLoyalty, "$.perks[*].perk")).containsExactly("Room upgrade");
        assertThat(JsonPath.<Integer>read(hugoLoyalty, "$.perks[0].ruleId")).isEqualTo((int) upgrade);
        mvc.perform(get("service", "/api/v1/customers/" + lena + "/loyalty")).andExpect(jsonPath("$.perks").isEmpty());
    }

    double influence(long customerId) throws Exception {
        String value = mvc.perform(get("marketing", "/api/v1/customers/" + customerId + "/value"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(value, "$.influence.score")).doubleValue();
    }

    void runScoring(String asOf) throws Exception {
        String started = mvc.perform(postJson("admin", "/api/v1/scoring/runs", "{\"asOf\": \"" + asOf + "\"}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(started, "$.id")).longValue();
        for (int i = 0; i < 600; i++) {
            String run = mvc.perform(get("admin", "/api/v1/scoring/runs/" + id)).andReturn().getResponse()
                    .getContentAsString();
            String state = JsonPath.read(run, "$.status");
            if (!state.equals("running")) {
                assertThat(state).isEqualTo("succeeded");
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("scoring run " + id + " did not finish");
    }

    @Test
    void rulesAreValidatedVersionedAndPreviewed() throws Exception {
        mvc.perform(postJson("loyalty", "/api/v1/loyalty/rules", """
                {"name": "", "trigger": "PURCHASE", "conditions": {"minAmount": -5, "hashtag": "x y"},
                 "effect": {"kind": "FIXED_POINTS"}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'conditions.minAmount')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'effect.points')]").exists());
        mvc.perform(postJson("loyalty", "/api/v1/loyalty/rules", """
                {"name": "x", "trigger": "PURCHASE", "effect": {"kind": "FIXED_POINTS", "points": 1}, "bonus": 1}"""))
                .andExpect(status().isBadRequest());
        String p = unique("LV");
        long id = rule("""
                {"name": "Big spender %s", "trigger": "PURCHASE", "conditions": {"minAmount": "100.00", "store": "%s"},
                 "effect": {"kind": "FIXED_POINTS", "points": 10}}""".formatted(p, p));
        mvc.perform(putJson("loyalty", "/api/v1/loyalty/rules/" + id, """
                {"name": "Big spender %s", "trigger": "PURCHASE", "conditions": {"minAmount": "100.00", "store": "%s"},
                 "effect": {"kind": "FIXED_POINTS", "points": 20}}""".formatted(p, p)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        mvc.perform(get("loyalty", "/api/v1/loyalty/rules/" + id + "/versions"))
                .andExpect(jsonPath("$.items[0].effect.points").value(20))
                .andExpect(jsonPath("$.items[1].effect.points").value(10));
        mvc.perform(postJson("loyalty", "/api/v1/loyalty/rules/" + id + "/preview", ""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.days").value(30))
                .andExpect(jsonPath("$.points").value(0));
        mvc.perform(get("loyalty", "/api/v1/loyalty/audit?ruleId=" + id))
                .andExpect(jsonPath("$.items[*].action").value(org.hamcrest.Matchers.contains("EDITED", "ACTIVATED",
                        "CREATED")));
        mvc.perform(get("marketing", "/api/v1/loyalty/rules")).andExpect(status().isForbidden());
        mvc.perform(get("service", "/api/v1/loyalty/rules")).andExpect(status().isForbidden());
        mvc.perform(get("admin", "/api/v1/loyalty/rules")).andExpect(status().isOk());
    }

    @Test
    void anIntegrationRedeemingForAMemberDoesNotLearnTheBalance() throws Exception {
        String p = unique("RDM");
        String body = mvc.perform(postJson("integration", "/api/v1/customers", "{\"externalId\": \"" + p + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(postJson("loyalty", "/api/v1/customers/" + id + "/ledger/adjustments",
                "{\"points\": 1000, \"reason\": \"goodwill\"}")).andExpect(status().isCreated());
        String reward = mvc.perform(postJson("loyalty", "/api/v1/loyalty/rewards", """
                        {"name": "%s mug", "kind": "GIFT", "pointsPrice": 100}""".formatted(p)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long rewardId = ((Number) JsonPath.read(reward, "$.id")).longValue();
        mvc.perform(postJson("integration", "/api/v1/customers/" + id + "/redemptions",
                        "{\"rewardId\": " + rewardId + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.points").value(100))
                .andExpect(jsonPath("$.balance").doesNotExist());
        mvc.perform(postJson("service", "/api/v1/customers/" + id + "/redemptions",
                        "{\"rewardId\": " + rewardId + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.balance").value(800));
        String free = mvc.perform(postJson("loyalty", "/api/v1/loyalty/rewards", """
                        {"name": "%s gift", "kind": "GIFT", "pointsPrice": 0}""".formatted(p)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        mvc.perform(postJson("integration", "/api/v1/customers/" + id + "/redemptions",
                        "{\"rewardId\": " + JsonPath.read(free, "$.id") + "}"))
                .andExpect(status().isConflict());
    }
}
