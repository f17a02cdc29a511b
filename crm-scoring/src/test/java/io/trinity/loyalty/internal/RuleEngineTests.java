package io.trinity.loyalty.internal;

import io.trinity.loyalty.EffectKind;
import io.trinity.loyalty.LimitPeriod;
import io.trinity.loyalty.ReferralRole;
import io.trinity.loyalty.RuleStatus;
import io.trinity.loyalty.Tier;
import io.trinity.loyalty.RewardRule;
import io.trinity.loyalty.Tiers;
import io.trinity.loyalty.Trigger;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rule evaluation, by hand: triggers, every condition, limits, priority, groups and multipliers. */
class RuleEngineTests {

    static final Tiers TIERS = new Tiers(List.of(new Tier("BASE", "Base", 0, 0), new Tier("SILVER", "Silver", 500, 1),
            new Tier("GOLD", "Gold", 2000, 2), new Tier("SUMMIT", "Summit", 5000, 3)));
    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    final RuleEngine engine = new RuleEngine(TIERS, 100);
    final Member member = new Member(7, "BASE", Set.of(), "Champions", 85.0);

    static RewardRule rule(long id, Trigger trigger, RewardRule.Conditions c, RewardRule.Effect e,
            RewardRule.Limits l) {
        return new RewardRule(id, 1, "rule " + id, trigger, RuleStatus.ACTIVE, 100, null, null, null, c, e, l);
    }

    static RewardRule points(long id, Trigger trigger, long points) {
        return rule(id, trigger, RewardRule.Conditions.NONE, fixed(points), RewardRule.Limits.NONE);
    }

    static RewardRule.Effect fixed(long points) {
        return new RewardRule.Effect(EffectKind.FIXED_POINTS, points, null, null, null);
    }

    static RewardRule.Conditions cond(String field, Object value) {
        RewardRule.Conditions n = RewardRule.Conditions.NONE;
        return new RewardRule.Conditions(field.equals("network") ? (String) value : null,
                field.equals("store") ? (String) value : null, field.equals("minAmount") ? (Long) value : null,
                field.equals("channel") ? (String) value : null, field.equals("segment") ? (String) value : null,
                field.equals("minInfluence") ? (Double) value : null, field.equals("minTier") ? (String) value : null,
                field.equals("from") ? (LocalDate) value : n.eventFrom(),
                field.equals("until") ? (LocalDate) value : null, field.equals("hashtag") ? (String) value : null,
                field.equals("role") ? (ReferralRole) value : null, field.equals("minReferrals") ? (Integer) value : null);
    }

    static LoyaltyEvent purchase(String key, long amountMinor) {
        return LoyaltyEvent.purchase(key, 7, T, amountMinor, "store", "ST-SEA");
    }

    static LoyaltyEvent share(String key, Instant at, String text) {
        return LoyaltyEvent.social(key, Trigger.SHARE, 7, at, "facebook", null, text);
    }

    List<Award> run(LoyaltyEvent event, RewardRule... rules) {
        return engine.evaluate(event, List.of(rules), member, new AwardHistory(), NOW);
    }

    @Test
    void everyTriggerReachesOnlyItsOwnRules() {
        for (Trigger trigger : Trigger.values()) {
            LoyaltyEvent event = new LoyaltyEvent("k:" + trigger, trigger, 7, T, "x", "ST-SEA", 1000L, "web", "hi",
                    ReferralRole.REFERRER, 1, "Champions");
            List<Award> awards = run(event, points(1, trigger, 10),
                    points(2, trigger == Trigger.PURCHASE ? Trigger.SHARE : Trigger.PURCHASE, 99));
            assertThat(awards).as(trigger.name()).extracting(Award::ruleId).containsExactly(1L);
            assertThat(awards.get(0).points()).isEqualTo(10);
            assertThat(awards.get(0).sourceKey()).isEqualTo("k:" + trigger);
        }
    }

    @Test
    void pointsPerCurrencyUnitRoundDownToWholeUnits() {
        RewardRule perDollar = rule(1, Trigger.PURCHASE, RewardRule.Conditions.NONE,
                new RewardRule.Effect(EffectKind.POINTS_PER_UNIT, 2L, null, null, null), RewardRule.Limits.NONE);
        assertThat(run(purchase("o1", 12_999), perDollar)).extracting(Award::points).containsExactly(258L);
        assertThat(run(purchase("o2", 99), perDollar)).isEmpty();
        LoyaltyEvent noRate = LoyaltyEvent.purchase("o3", 7, T, null, "web", null);
        assertThat(run(noRate, perDollar)).isEmpty();
    }

    @Test
    void eachConditionFiltersAsWritten() {
        LoyaltyEvent order = purchase("o", 5_000);
        assertThat(run(order, rule(1, Trigger.PURCHASE, cond("minAmount", 5_000L), fixed(1), RewardRule.Limits.NONE)))
                .hasSize(1);
        assertThat(run(order, rule(1, Trigger.PURCHASE, cond("minAmount", 5_001L), fixed(1), RewardRule.Limits.NONE)))
                .isEmpty();
        assertThat(run(order, rule(1, Trigger.PURCHASE, cond("channel", "store"), fixed(1), RewardRule.Limits.NONE)))
                .hasSize(1);
        assertThat(run(order, rule(1, Trigger.PURCHASE, cond("channel", "web"), fixed(1), RewardRule.Limits.NONE)))
                .isEmpty();
        assertThat(run(order, rule(1, Trigger.PURCHASE, cond("store", "st-sea"), fixed(1), RewardRule.Limits.NONE)))
                .hasSize(1);
        assertThat(run(order, rule(1, Trigger.PURCHASE, cond("store", "ST-DEN"), fixed(1), RewardRule.Limits.NONE)))
                .isEmpty();
        LoyaltyEvent s = share("s", T, "Loving my new tent #TrailReady!");
        assertThat(run(s, rule(1, Trigger.SHARE, cond("network", "facebook"), fixed(1), RewardRule.Limits.NONE)))
                .hasSize(1);
        assertThat(run(s, rule(1, Trigger.SHARE, cond("network", "x"), fixed(1), RewardRule.Limits.NONE))).isEmpty();
        assertThat(run(s, rule(1, Trigger.SHARE, cond("hashtag", "trailready"), fixed(1), RewardRule.Limits.NONE)))
                .hasSize(1);
        assertThat(run(s, rule(1, Trigger.SHARE, cond("hashtag", "trail"), fixed(1), RewardRule.Limits.NONE)))
                .as("a prefix of a hashtag is not the hashtag").isEmpty();
        assertThat(run(s, rule(1, Trigger.SHARE, cond("segment", "champions"), fixed(1), RewardRule.Limits.NONE)))
                .hasSize(1);
        assertThat(run(s, rule(1, Trigger.SHARE, cond("segment", "Dormant"), fixed(1), RewardRule.Limits.NONE)))
                .isEmpty();
        assertThat(run(s, rule(1, Trigger.SHARE, cond("minInfluence", 85.0), fixed(1), RewardRule.Limits.NONE)))
                .hasSize(1);
        assertThat(run(s, rule(1, Trigger.SHARE, cond("minInfluence", 85.5), fixed(1), RewardRule.Limits.NONE)))
                .isEmpty();
        assertThat(run(s, rule(1, Trigger.SHARE, cond("minTier", "BASE"), fixed(1), RewardRule.Limits.NONE)))
                .hasSize(1);
        assertThat(run(s, rule(1, Trigger.SHARE, cond("minTier", "SILVER"), fixed(1), RewardRule.Limits.NONE)))
                .isEmpty();
        assertThat(run(s, rule(1, Trigger.SHARE, cond("from", LocalDate.parse("2026-11-20")), fixed(1),
                RewardRule.Limits.NONE))).hasSize(1);
        assertThat(run(s, rule(1, Trigger.SHARE, cond("from", LocalDate.parse("2026-11-21")), fixed(1),
                RewardRule.Limits.NONE))).isEmpty();
        assertThat(run(s, rule(1, Trigger.SHARE, cond("until", LocalDate.parse("2026-11-20")), fixed(1),
                RewardRule.Limits.NONE))).hasSize(1);
        assertThat(run(s, rule(1, Trigger.SHARE, cond("until", LocalDate.parse("2026-11-19")), fixed(1),
                RewardRule.Limits.NONE))).isEmpty();
        LoyaltyEvent third = LoyaltyEvent.referral("r", 7, T, ReferralRole.REFERRER, 3);
        assertThat(run(third, rule(1, Trigger.REFERRAL_CONVERTED, cond("minReferrals", 3), fixed(1),
                RewardRule.Limits.NONE))).hasSize(1);
        assertThat(run(LoyaltyEvent.referral("r", 7, T, ReferralRole.REFERRER, 2), rule(1, Trigger.REFERRAL_CONVERTED,
                cond("minReferrals", 3), fixed(1), RewardRule.Limits.NONE))).isEmpty();
        assertThat(run(third, rule(1, Trigger.REFERRAL_CONVERTED, cond("role", ReferralRole.REFERRED), fixed(1),
                RewardRule.Limits.NONE))).isEmpty();
        Member unscored = new Member(7, "BASE", Set.of(), null, null);
        assertThat(engine.evaluate(s, List.of(rule(1, Trigger.SHARE, cond("minInfluence", 0.0), fixed(1),
                RewardRule.Limits.NONE)), unscored, new AwardHistory(), NOW)).as("no score, no match").isEmpty();
    }

    @Test
    void inactiveAndOutOfWindowRulesGiveNothing() {
        RewardRule draft = new RewardRule(1, 1, "d", Trigger.SHARE, RuleStatus.DRAFT, 1, null, null, null,
                RewardRule.Conditions.NONE, fixed(5), RewardRule.Limits.NONE);
        RewardRule retired = new RewardRule(2, 1, "r", Trigger.SHARE, RuleStatus.RETIRED, 1, null, null, null,
                RewardRule.Conditions.NONE, fixed(5), RewardRule.Limits.NONE);
        RewardRule later = new RewardRule(3, 1, "l", Trigger.SHARE, RuleStatus.ACTIVE, 1, null,
                NOW.plusSeconds(1), null, RewardRule.Conditions.NONE, fixed(5), RewardRule.Limits.NONE);
        RewardRule over = new RewardRule(4, 1, "o", Trigger.SHARE, RuleStatus.ACTIVE, 1, null, null, NOW,
                RewardRule.Conditions.NONE, fixed(5), RewardRule.Limits.NONE);
        assertThat(run(share("s", T, null), draft, retired, later, over)).isEmpty();
    }

    @Test
    void perDayWeekAndMonthLimitsCountCalendarPeriods() {
        RewardRule twoADay = rule(1, Trigger.SHARE, RewardRule.Conditions.NONE, fixed(10),
                new RewardRule.Limits(LimitPeriod.DAY, 2, null, false));
        AwardHistory history = new AwardHistory();
        Instant morning = Instant.parse("2026-11-20T08:00:00Z");
        int given = 0;
        for (int i = 0; i < 4; i++) {
            given += engine.evaluate(share("s" + i, morning.plusSeconds(i), null), List.of(twoADay), member, history,
                    NOW).size();
        }
        assertThat(given).isEqualTo(2);
        assertThat(engine.evaluate(share("next-day", Instant.parse("2026-11-21T00:00:00Z"), null), List.of(twoADay),
                member, history, NOW)).hasSize(1);

        RewardRule oneAWeek = rule(2, Trigger.SHARE, RewardRule.Conditions.NONE, fixed(10),
                new RewardRule.Limits(LimitPeriod.WEEK, 1, null, false));
        AwardHistory weekly = new AwardHistory();
        // 2026-11-16 is a Monday, 2026-11-22 a Sunday, 2026-11-23 the next Monday.
        assertThat(engine.evaluate(share("w1", Instant.parse("2026-11-16T00:00:00Z"), null), List.of(oneAWeek),
                member, weekly, NOW)).hasSize(1);
        assertThat(engine.evaluate(share("w2", Instant.parse("2026-11-22T23:59:59Z"), null), List.of(oneAWeek),
                member, weekly, NOW)).isEmpty();
        assertThat(engine.evaluate(share("w3", Instant.parse("2026-11-23T00:00:00Z"), null), List.of(oneAWeek),
                member, weekly, NOW)).hasSize(1);

        RewardRule oneAMonth = rule(3, Trigger.SHARE, RewardRule.Conditions.NONE, fixed(10),
                new RewardRule.Limits(LimitPeriod.MONTH, 1, null, false));
        AwardHistory monthly = new AwardHistory();
        assertThat(engine.evaluate(share("m1", Instant.parse("2026-11-01T00:00:00Z"), null), List.of(oneAMonth),
                member, monthly, NOW)).hasSize(1);
        assertThat(engine.evaluate(share("m2", Instant.parse("2026-11-30T23:00:00Z"), null), List.of(oneAMonth),
                member, monthly, NOW)).isEmpty();
        assertThat(engine.evaluate(share("m3", Instant.parse("2026-12-01T00:00:00Z"), null), List.of(oneAMonth),
                member, monthly, NOW)).hasSize(1);
    }

    @Test
    void oncePerCustomerAndBudgetHold() {
        RewardRule once = rule(1, Trigger.SHARE, RewardRule.Conditions.NONE, fixed(10),
                new RewardRule.Limits(null, null, null, true));
        AwardHistory history = new AwardHistory();
        assertThat(engine.evaluate(share("a", T, null), List.of(once), member, history, NOW)).hasSize(1);
        assertThat(engine.evaluate(share("b", T, null), List.of(once), member, history, NOW)).isEmpty();
        Member other = new Member(8, "BASE", Set.of(), null, null);
        assertThat(engine.evaluate(LoyaltyEvent.social("c", Trigger.SHARE, 8, T, "x", null, null), List.of(once),
                other, history, NOW)).hasSize(1);

        RewardRule budget = rule(2, Trigger.SHARE, RewardRule.Conditions.NONE, fixed(40),
                new RewardRule.Limits(null, null, 100L, false));
        AwardHistory spent = new AwardHistory();
        List<Long> points = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            engine.evaluate(share("b" + i, T, null), List.of(budget), member, spent, NOW)
                    .forEach(a -> points.add(a.points()));
        }
        assertThat(points).as("the last award gets what is left of the budget").containsExactly(40L, 40L, 20L);
        assertThat(spent.spent(2)).isEqualTo(100);
    }

    @Test
    void allUngroupedRulesApplyButAGroupGivesOnlyItsFirstAwardingRule() {
        RewardRule a = new RewardRule(1, 1, "a", Trigger.CHECKIN, RuleStatus.ACTIVE, 10, null, null, null,
                RewardRule.Conditions.NONE, fixed(5), RewardRule.Limits.NONE);
        RewardRule b = new RewardRule(2, 1, "b", Trigger.CHECKIN, RuleStatus.ACTIVE, 20, null, null, null,
                RewardRule.Conditions.NONE, fixed(7), RewardRule.Limits.NONE);
        LoyaltyEvent checkin = LoyaltyEvent.social("c", Trigger.CHECKIN, 7, T, "foursquare", "ST-SEA", null);
        assertThat(run(checkin, b, a)).extracting(Award::ruleId).containsExactly(1L, 2L);

        RewardRule seattle = new RewardRule(3, 1, "seattle", Trigger.CHECKIN, RuleStatus.ACTIVE, 1, "store-visit",
                null, null, cond("store", "ST-SEA"), fixed(50), RewardRule.Limits.NONE);
        RewardRule anyStore = new RewardRule(4, 1, "any", Trigger.CHECKIN, RuleStatus.ACTIVE, 2, "store-visit", null,
                null, RewardRule.Conditions.NONE, fixed(20), RewardRule.Limits.NONE);
        assertThat(run(checkin, anyStore, seattle)).extracting(Award::ruleId).containsExactly(3L);
        LoyaltyEvent denver = LoyaltyEvent.social("d", Trigger.CHECKIN, 7, T, "foursquare", "ST-DEN", null);
        assertThat(run(denver, anyStore, seattle)).extracting(Award::ruleId).containsExactly(4L);

        RewardRule seattleOnce = new RewardRule(3, 1, "seattle", Trigger.CHECKIN, RuleStatus.ACTIVE, 1,
                "store-visit", null, null, cond("store", "ST-SEA"), fixed(50), new RewardRule.Limits(null, null, null,
                        true));
        AwardHistory history = new AwardHistory();
        assertThat(engine.evaluate(checkin, List.of(seattleOnce, anyStore), member, history, NOW))
                .extracting(Award::ruleId).containsExactly(3L);
        assertThat(engine.evaluate(LoyaltyEvent.social("c2", Trigger.CHECKIN, 7, T, "foursquare", "ST-SEA", null),
                List.of(seattleOnce, anyStore), member, history, NOW))
                .as("a limited rule lets the next rule of its group in").extracting(Award::ruleId)
                .containsExactly(4L);
    }

    @Test
    void multipliersScaleTheEventsOtherPoints() {
        RewardRule perDollar = rule(1, Trigger.PURCHASE, RewardRule.Conditions.NONE,
                new RewardRule.Effect(EffectKind.POINTS_PER_UNIT, 1L, null, null, null), RewardRule.Limits.NONE);
        RewardRule bonus = points(2, Trigger.PURCHASE, 10);
        RewardRule champions = new RewardRule(3, 1, "champions x1.5", Trigger.PURCHASE, RuleStatus.ACTIVE, 1, "boost",
                null, null, cond("segment", "Champions"),
                new RewardRule.Effect(EffectKind.MULTIPLIER, null, new BigDecimal("1.5"), null, null),
                RewardRule.Limits.NONE);
        RewardRule everyone = new RewardRule(4, 1, "x2", Trigger.PURCHASE, RuleStatus.ACTIVE, 2, "boost", null, null,
                RewardRule.Conditions.NONE,
                new RewardRule.Effect(EffectKind.MULTIPLIER, null, new BigDecimal("2"), null, null),
                RewardRule.Limits.NONE);
        List<Award> awards = run(purchase("o", 10_050), perDollar, bonus, champions, everyone);
        // base = 100 + 10 = 110; first multiplier of the group applies: +55
        assertThat(awards).extracting(Award::ruleId, Award::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 100L),
                        org.assertj.core.groups.Tuple.tuple(2L, 10L), org.assertj.core.groups.Tuple.tuple(3L, 55L));
        assertThat(run(purchase("o", 10_050), everyone)).as("nothing to multiply").isEmpty();
    }

    @Test
    void perksAreGrantedOnceAndRewardsIssued() {
        RewardRule upgrade = rule(1, Trigger.CHECKIN, cond("minInfluence", 80.0),
                new RewardRule.Effect(EffectKind.GRANT_PERK, null, null, "Room upgrade", null), RewardRule.Limits.NONE);
        LoyaltyEvent checkin = LoyaltyEvent.social("c", Trigger.CHECKIN, 7, T, "foursquare", "HOTEL", null);
        assertThat(run(checkin, upgrade)).extracting(Award::perk).containsExactly("Room upgrade");
        Member holder = new Member(7, "BASE", Set.of("Room upgrade"), null, 90.0);
        assertThat(engine.evaluate(checkin, List.of(upgrade), holder, new AwardHistory(), NOW)).isEmpty();
        RewardRule credit = rule(2, Trigger.REFERRAL_CONVERTED, cond("role", ReferralRole.REFERRER),
                new RewardRule.Effect(EffectKind.ISSUE_REWARD, null, null, null, 42L), RewardRule.Limits.NONE);
        assertThat(run(LoyaltyEvent.referral("r", 7, T, ReferralRole.REFERRER, 1), credit))
                .extracting(Award::rewardId).containsExactly(42L);
    }

    @Test
    void tiersFollowEarnedPoints() {
        assertThat(TIERS.tierFor(0).code()).isEqualTo("BASE");
        assertThat(TIERS.tierFor(499).code()).isEqualTo("BASE");
        assertThat(TIERS.tierFor(500).code()).isEqualTo("SILVER");
        assertThat(TIERS.tierFor(4999).code()).isEqualTo("GOLD");
        assertThat(TIERS.tierFor(1_000_000).code()).isEqualTo("SUMMIT");
        assertThat(TIERS.next("GOLD")).map(Tier::code).contains("SUMMIT");
        assertThat(TIERS.next("SUMMIT")).isEmpty();
    }

    @Test
    void expiryIsFirstInFirstOut() {
        assertThat(Expiry.due(100, 0, 150)).isEqualTo(100);
        assertThat(Expiry.due(100, 30, 120)).as("spent points came from the oldest").isEqualTo(70);
        assertThat(Expiry.due(100, 130, 20)).isZero();
        assertThat(Expiry.due(100, 0, 40)).as("never more than the balance").isEqualTo(40);
    }
}
