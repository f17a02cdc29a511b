package io.trinity.loyalty;

import io.trinity.testing.Customers;
import io.trinity.loyalty.internal.DeferredEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trinity.activity.ActivityDraft;
import io.trinity.activity.ActivityIngest;
import io.trinity.customer.CustomerDraft;
import io.trinity.customer.CustomerService;
import io.trinity.order.OrderDraft;
import io.trinity.order.OrderIngest;
import io.trinity.shared.ConflictException;
import io.trinity.shared.InvalidInputException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger against real PostgreSQL, fed through the real ingest: idempotency, refunds, expiry, tiers, concurrent
 * redemptions, referrals, the append-only guard and the preview. Each test's rules are scoped to its own store or
 * hashtag and retired afterwards, so tests sharing the database do not earn from each other's rules.
 */
@SpringBootTest
class LoyaltyLedgerTests {

    @Autowired RewardRules rules;
    @Autowired LoyaltyAccounts accounts;
    @Autowired Rewards rewards;
    @Autowired Referrals referrals;
    @Autowired RulePreview preview;
    @Autowired LoyaltyJobs jobs;
    @Autowired CustomerService customers;
    @Autowired OrderIngest orders;
    @Autowired ActivityIngest activities;
    @Autowired JdbcClient jdbc;

    String p;
    final List<Long> created = new ArrayList<>();

    @BeforeEach
    void prefix() {
        p = "LY-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void retire() {
        created.forEach(id -> rules.retire(id, "test"));
    }

    long customer(String name) {
        return customers.create(Customers.customer(p + "-" + name).named(name, "Tester").draft()).id();
    }

    RewardRule activeRule(String trigger, String store, String effect, String points, String extraField) {
        RuleDraft d = RuleDraft.builder().name("rule " + p).trigger(trigger).priority("10").store(store)
                .hashtag(extraField).effect(effect).points(points).build();
        RewardRule rule = rules.create(d, "tester");
        created.add(rule.id());
        return rules.activate(rule.id(), "tester");
    }

    void order(String id, String customer, Instant at, String amount) {
        var result = orders.ingest(List.of(new OrderDraft(id, null, p + "-" + customer, null, at.toString(), amount,
                "USD", "store", p)));
        assertThat(result.rejected()).as(result.errors().toString()).isZero();
    }

    List<LedgerEntry> ledger(long customerId) {
        return accounts.entries(customerId, 100, null).items();
    }

    void assertBalanceIsLedgerSum(long customerId) {
        assertThat(accounts.balance(customerId)).isEqualTo(accounts.ledgerSum(customerId));
    }

    @Test
    void anOrderSentTwiceEarnsOnceAndItsRefundReversesInProportion() {
        RewardRule rule = activeRule("PURCHASE", p, "POINTS_PER_UNIT", "1", null);
        long ann = customer("ann");
        Instant at = Instant.now().minus(2, ChronoUnit.DAYS);
        order(p + "-1", "ann", at, "200.00");
        order(p + "-1", "ann", at, "200.00");
        List<LedgerEntry> entries = ledger(ann);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).kind()).isEqualTo("EARN");
        assertThat(entries.get(0).points()).isEqualTo(200);
        assertThat(entries.get(0).ruleId()).isEqualTo(rule.id());
        assertThat(entries.get(0).ruleVersion()).isEqualTo(1);
        assertThat(entries.get(0).sourceKey()).isEqualTo("order:" + p + "-1");

        order(p + "-1-R1", "ann", at.plusSeconds(3600), "-50.00");
        order(p + "-1-R1", "ann", at.plusSeconds(3600), "-50.00");
        order(p + "-1-R2", "ann", at.plusSeconds(7200), "-500.00");
        entries = ledger(ann);
        assertThat(entries).extracting(LedgerEntry::kind).containsExactly("REVERSE", "REVERSE", "EARN");
        assertThat(entries).extracting(LedgerEntry::points).containsExactly(-150L, -50L, 200L);
        assertThat(accounts.balance(ann)).isZero();
        assertBalanceIsLedgerSum(ann);
    }

    @Test
    void editingAnActiveRuleMakesANewVersionThatLaterEntriesName() {
        RewardRule rule = activeRule("PURCHASE", p, "FIXED_POINTS", "10", null);
        long bo = customer("bo");
        order(p + "-a", "bo", Instant.now().minusSeconds(600), "20.00");
        RuleDraft edited = RuleDraft.of(rule, 2);
        rules.edit(rule.id(), RuleDraft.builder().name(edited.name()).trigger(edited.trigger())
                .priority(edited.priority()).store(p).effect("FIXED_POINTS").points("25").build(), "editor");
        order(p + "-b", "bo", Instant.now().minusSeconds(300), "20.00");
        assertThat(ledger(bo)).extracting(LedgerEntry::ruleVersion, LedgerEntry::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 25L), org.assertj.core.groups.Tuple.tuple(1, 10L));
        assertThat(rules.versions(rule.id())).hasSize(2);
        assertThat(rules.audit(rule.id(), 10, null).items()).extracting(RuleAuditEntry::action)
                .containsExactly("EDITED", "ACTIVATED", "CREATED");
        assertThat(rules.get(rule.id()).status()).isEqualTo(RuleStatus.ACTIVE);
    }

    @Test
    void theLedgerRefusesUpdatesAndDeletes() {
        activeRule("PURCHASE", p, "FIXED_POINTS", "10", null);
        long cy = customer("cy");
        order(p + "-1", "cy", Instant.now().minusSeconds(60), "5.00");
        long entry = ledger(cy).get(0).id();
        assertThatThrownBy(() -> jdbc.sql("update loyalty_ledger set points = 1000 where id = ?").param(entry)
                .update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from loyalty_ledger where id = ?").param(entry).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(accounts.balance(cy)).isEqualTo(10);
    }

    @Test
    void tiersFollowPointsEarnedAndRedeemingNeverDemotes() {
        activeRule("PURCHASE", p, "POINTS_PER_UNIT", "1", null);
        long di = customer("di");
        order(p + "-1", "di", Instant.now().minus(1, ChronoUnit.DAYS), "600.00");
        assertThat(accounts.summary(di).tier().code()).isEqualTo("SILVER");
        RewardView mug = rewards.create(new Rewards.RewardDraft(p + " mug", "GIFT", null, 550L, 10, null, null, true));
        rewards.redeem(di, mug.id(), "service");
        LoyaltySummary summary = accounts.summary(di);
        assertThat(summary.balance()).isEqualTo(50);
        assertThat(summary.tier().code()).isEqualTo("SILVER");
        assertThat(summary.earnedInWindow()).isEqualTo(600);
        assertThat(summary.nextTier().code()).isEqualTo("GOLD");
        assertThat(summary.pointsToNextTier()).isEqualTo(1400);
        jobs.daily();
        assertThat(accounts.summary(di).tier().code()).isEqualTo("SILVER");
        assertThat(accounts.tierChanges(di)).extracting(LoyaltyAccounts.TierChange::to).containsExactly("SILVER");
        assertBalanceIsLedgerSum(di);
    }

    @Test
    void pointsExpireFirstInFirstOutAndOnlyOnce() {
        activeRule("PURCHASE", p, "POINTS_PER_UNIT", "1", null);
        long ed = customer("ed");
        order(p + "-old", "ed", Instant.now().minus(400, ChronoUnit.DAYS), "100.00");
        order(p + "-new", "ed", Instant.now().minus(10, ChronoUnit.DAYS), "40.00");
        RewardView cap = rewards.create(new Rewards.RewardDraft(p + " cap", "GIFT", null, 30L, null, null, null, true));
        rewards.redeem(ed, cap.id(), "service");
        assertThat(accounts.balance(ed)).isEqualTo(110);
        accounts.expire(Instant.now());
        // 100 old points, 30 of them spent first: 70 expire; the 40 recent ones stay.
        assertThat(accounts.balance(ed)).isEqualTo(40);
        assertThat(ledger(ed).get(0).kind()).isEqualTo("EXPIRE");
        assertThat(ledger(ed).get(0).points()).isEqualTo(-70);
        accounts.expire(Instant.now());
        assertThat(accounts.balance(ed)).isEqualTo(40);
        assertBalanceIsLedgerSum(ed);
        assertThat(accounts.summary(ed).earnedInWindow()).as("a 400-day-old purchase is out of the tier window")
                .isEqualTo(40);
    }

    @Test
    void concurrentRedemptionsOfTheLastItemLetExactlyOneThrough() throws Exception {
        RewardView last = rewards.create(new Rewards.RewardDraft(p + " last tent", "GIFT", null, 100L, 1, null, null,
                true));
        int threads = 8;
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            long id = customer("m" + i);
            accounts.adjust(id, 1000, "test balance", "tester");
            members.add(id);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (long member : members) {
            Callable<Boolean> redeem = () -> {
                start.await();
                try {
                    rewards.redeem(member, last.id(), "pos");
                    return true;
                } catch (ConflictException e) {
                    return false;
                }
            };
            results.add(pool.submit(redeem));
        }
        start.countDown();
        int succeeded = 0;
        for (Future<Boolean> r : results) {
            succeeded += r.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(succeeded).isEqualTo(1);
        assertThat(rewards.get(last.id()).stock()).isZero();
        long spent = members.stream().mapToLong(accounts::balance).filter(b -> b == 900).count();
        assertThat(spent).isEqualTo(1);
        members.forEach(this::assertBalanceIsLedgerSum);
    }

    @Test
    void oneMemberRacingHimselfCannotOverspend() throws Exception {
        RewardView voucher = rewards.create(new Rewards.RewardDraft(p + " voucher", "DISCOUNT_CODE", null, 400L, null,
                null, null, true));
        long fi = customer("fi");
        accounts.adjust(fi, 1000, "test balance", "tester");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    return rewards.redeem(fi, voucher.id(), "app").code() != null;
                } catch (ConflictException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int ok = 0;
        for (Future<Boolean> r : results) {
            ok += r.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(2);
        assertThat(accounts.balance(fi)).isEqualTo(200);
        assertBalanceIsLedgerSum(fi);
    }

    @Test
    void referralsConvertOnTheFirstPurchaseAndRefuseSelfAndLoops() {
        RewardRule credit = activeRule("REFERRAL_CONVERTED", null, "FIXED_POINTS", "200", null);
        long gus = customer("gus");
        long hal = customer("hal");
        long ida = customer("ida");
        String code = referrals.codeFor(gus);
        assertThat(referrals.codeFor(gus)).isEqualTo(code);
        assertThatThrownBy(() -> referrals.register(code, null, gus)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("themselves");
        referrals.register(code, null, hal);
        assertThatThrownBy(() -> referrals.register(null, hal, gus)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("loop");
        assertThatThrownBy(() -> referrals.register(null, ida, hal)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already referred");
        order(p + "-h1", "hal", Instant.now().minusSeconds(100), "30.00");
        order(p + "-h2", "hal", Instant.now().minusSeconds(50), "30.00");
        assertThat(referrals.byReferrer(gus)).singleElement().satisfies(r -> assertThat(r.convertedAt()).isNotNull());
        assertThat(ledger(gus)).extracting(LedgerEntry::points).containsExactly(200L);
        assertThat(ledger(hal)).as("the rule has no role condition: both sides earn").extracting(LedgerEntry::points)
                .containsExactly(200L);
        assertThat(ledger(gus).get(0).ruleId()).isEqualTo(credit.id());
        assertThatThrownBy(() -> referrals.register(null, gus, hal)).isInstanceOf(ConflictException.class);
        assertThat(referrals.register(null, ida, gus).referrerId()).as("no loop: ida is not among gus's referrers")
                .isEqualTo(ida);
    }

    @Test
    void previewCountsTheLast30DaysOfRealOrders() {
        long jo = customer("jo");
        long kim = customer("kim");
        Instant now = Instant.now();
        order(p + "-1", "jo", now.minus(3, ChronoUnit.DAYS), "120.00");
        order(p + "-2", "jo", now.minus(5, ChronoUnit.DAYS), "80.50");
        order(p + "-3", "kim", now.minus(29, ChronoUnit.DAYS), "10.00");
        order(p + "-4", "kim", now.minus(31, ChronoUnit.DAYS), "999.00");
        RuleDraft draft = RuleDraft.builder().name("per dollar").trigger("PURCHASE").store(p)
                .effect("POINTS_PER_UNIT").points("2").build();
        RulePreview.Result result = preview.preview(rules.validate(draft));
        assertThat(result.customers()).isEqualTo(2);
        assertThat(result.awards()).isEqualTo(3);
        assertThat(result.points()).isEqualTo(2 * (120 + 80 + 10));
        assertThat(result.examples().get(0).customerId()).isEqualTo(jo);
        assertThat(result.examples().get(0).points()).isEqualTo(400);
        assertThat(ledger(jo)).as("a preview writes nothing").isEmpty();
        assertThat(kim).isPositive();
    }

    @Test
    void sharesWithTheCampaignHashtagEarnOnceEvenWhenDeliveredTwice() {
        String tag = "tag" + p.substring(3).replace("-", "");
        activeRule("SHARE", null, "FIXED_POINTS", "15", tag);
        long lu = customer("lu");
        List<ActivityDraft> batch = List.of(new ActivityDraft("facebook", p + "-s1", "SHARE",
                Instant.now().minusSeconds(30).toString(), new ActivityDraft.Actor(lu, null, null, null, null), null,
                "Best jacket ever #" + tag, null, null), new ActivityDraft("facebook", p + "-s2", "SHARE",
                Instant.now().minusSeconds(20).toString(), new ActivityDraft.Actor(lu, null, null, null, null), null,
                "no tag here", null, null));
        activities.ingest(batch);
        activities.ingest(batch);
        assertThat(ledger(lu)).extracting(LedgerEntry::points, LedgerEntry::sourceKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(15L, "activity:facebook:" + p + "-s1"));
    }

    @Autowired io.trinity.identity.IdentityStore identities;

    @Test
    void linkingAFacebookAccountCompletingTheProfileBirthdaysAndSegmentEntriesEarnOnce() {
        RuleDraft linked = RuleDraft.builder().name("Connect Facebook " + p).trigger("IDENTITY_LINKED")
                .network("facebook").effect("FIXED_POINTS").points("200").oncePerCustomer(true).build();
        created.add(rules.activate(rules.create(linked, "t").id(), "t").id());
        created.add(rules.activate(rules.create(RuleDraft.builder().name("Complete profile " + p)
                .trigger("PROFILE_COMPLETED").effect("FIXED_POINTS").points("75").build(), "t").id(), "t").id());
        created.add(rules.activate(rules.create(RuleDraft.builder().name("Birthday " + p).trigger("BIRTHDAY")
                .effect("GRANT_PERK").perk("Birthday gift " + p).build(), "t").id(), "t").id());
        created.add(rules.activate(rules.create(RuleDraft.builder().name("Welcome champions " + p)
                .trigger("SEGMENT_ENTERED").segment("Champions").effect("FIXED_POINTS").points("300").build(), "t")
                .id(), "t").id());
        long mo = customer("mo");
        var fb = identities.findOrCreate("facebook", p + "-fb", null);
        identities.linkManually(fb.id(), mo);
        identities.linkManually(fb.id(), mo);
        var x = identities.findOrCreate("x", p + "-x", p + "x");
        identities.linkManually(x.id(), mo);
        assertThat(ledger(mo)).extracting(LedgerEntry::points).as("facebook only, once").containsExactly(200L);

        customers.update(mo, new CustomerDraft(p + "-mo", "Mo", "Tester", "mo@example.com", "+4712345678", null,
                null, "Oslo", "NO", true, null, null, null, null, null));
        assertThat(ledger(mo)).hasSize(1);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        customers.update(mo, new CustomerDraft(p + "-mo", "Mo", "Tester", "mo@example.com", "+4712345678", null,
                null, "Oslo", "NO", true, null, today.minusYears(30).toString(), null, null, null));
        customers.update(mo, new CustomerDraft(p + "-mo", "Mo", "Tester", "mo@example.com", "+4712345679", null,
                null, "Oslo", "NO", true, null, today.minusYears(30).toString(), null, null, null));
        assertThat(ledger(mo)).extracting(LedgerEntry::points).containsExactly(75L, 200L);

        jobs.birthdays(today);
        jobs.birthdays(today);
        assertThat(accounts.summary(mo).perks()).extracting(Perk::perk).containsExactly("Birthday gift " + p);

        jobs.segmentsEntered(42, List.of(new io.trinity.scoring.CustomerValues.SegmentEntry(mo, "Champions"),
                new io.trinity.scoring.CustomerValues.SegmentEntry(customer("no"), "Dormant")));
        jobs.segmentsEntered(42, List.of(new io.trinity.scoring.CustomerValues.SegmentEntry(mo, "Champions")));
        assertThat(ledger(mo)).extracting(LedgerEntry::points).containsExactly(300L, 75L, 200L);
        assertBalanceIsLedgerSum(mo);
    }


    @Autowired DeferredEvents deferred;
    @Autowired EarningCeilings ceilings;

    @Test
    void aRewardWithoutAPriceIsGivenByRulesOnlyAndCannotBeRedeemedAgainAndAgain() {
        long gi = customer("Gi");
        RewardView free = rewards.create(new Rewards.RewardDraft(p + " free bottle", "GIFT", null, 0L, null, null,
                null, true));
        assertThatThrownBy(() -> rewards.redeem(gi, free.id(), "pos")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("given by reward rules only");
        assertThat(jdbc.sql("select count(*) from redemption where customer_id = ?").param(gi).query(Long.class)
                .single()).isZero();
    }

    @Test
    void noEventAndNoDayEarnsMoreThanTheCeilings() {
        long ho = customer("Ho");
        activeRule("PURCHASE", p, "POINTS_PER_UNIT", "1", null);
        Instant morning = Instant.now().truncatedTo(ChronoUnit.DAYS).plusSeconds(60);
        if (morning.isAfter(Instant.now())) {
            morning = Instant.now().minusSeconds(60);
        }
        order(p + "-huge", "Ho", morning, "999999999999.99");
        assertThat(accounts.balance(ho)).as("per event").isEqualTo(EarningCeiling.DEFAULT.perEvent());
        order(p + "-big-2", "Ho", morning.plusSeconds(1), "9000.00");
        order(p + "-big-3", "Ho", morning.plusSeconds(2), "9000.00");
        assertThat(accounts.balance(ho)).as("per day").isEqualTo(EarningCeiling.DEFAULT.perDay());
        assertBalanceIsLedgerSum(ho);
    }

    @Test
    void aCeilingAnAdminLowersAppliesToTheNextEvent() {
        long iv = customer("Iv");
        activeRule("PURCHASE", p, "POINTS_PER_UNIT", "1", null);
        EarningCeilings.Settings before = ceilings.current();
        try {
            ceilings.change(100, 150, "admin");
            order(p + "-1", "Iv", Instant.now().minusSeconds(30), "500.00");
            order(p + "-2", "Iv", Instant.now().minusSeconds(20), "500.00");
            assertThat(accounts.balance(iv)).isEqualTo(150);
        } finally {
            ceilings.change(before.perEvent(), before.perDay(), "admin");
        }
        assertThatThrownBy(() -> ceilings.change(0, 10, "admin")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ceilings.change(100, 10, "admin")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anOrderDatedAheadEarnsNothingUntilItsTimeComes() throws Exception {
        long jo = customer("Jo");
        activeRule("PURCHASE", p, "FIXED_POINTS", "40", null);
        Instant soon = Instant.now().plusSeconds(2);
        order(p + "-ahead", "Jo", soon, "20.00");
        deferred.handInDue();
        assertThat(accounts.balance(jo)).as("not yet happened").isZero();
        Thread.sleep(java.time.Duration.between(Instant.now(), soon).toMillis() + 200);
        deferred.handInDue();
        deferred.handInDue();
        assertThat(accounts.balance(jo)).as("earned once, when due").isEqualTo(40);
        assertBalanceIsLedgerSum(jo);
    }
}
