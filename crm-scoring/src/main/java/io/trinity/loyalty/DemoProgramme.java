package io.trinity.loyalty;

import io.trinity.loyalty.internal.LoyaltyEvent;
import io.trinity.loyalty.internal.LoyaltyEngine;
import io.trinity.loyalty.internal.PastEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's loyalty programme, built from the seeds: Moosejaw-style points for purchases, shares and check-ins,
 * a perk for high-influence guests, refer-a-friend with a credit per friend and a gift at three, and points for
 * connecting a Facebook account. Installed once on an empty programme, then the demo's last 90 days are replayed
 * through it so that members have balances, tiers and rewards to look at.
 */
@Component
public class DemoProgramme {

    private static final Logger log = LoggerFactory.getLogger(DemoProgramme.class);
    private static final int REPLAY_DAYS = 90;

    private final RewardRules rules;
    private final Rewards rewards;
    private final LoyaltyEngine engine;
    private final PastEvents past;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoProgramme(RewardRules rules, Rewards rewards, LoyaltyEngine engine, PastEvents past, JdbcClient jdbc,
            Clock clock) {
        this.rules = rules;
        this.rewards = rewards;
        this.engine = engine;
        this.past = past;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Installs the programme when there is no rule yet; returns the events replayed, or -1 when it was there. */
    @Transactional
    public int installOnce() {
        if (jdbc.sql("select count(*) from reward_rule").query(Long.class).single() > 0) {
            return -1;
        }
        long credit = rewards.create(new Rewards.RewardDraft("$20 store credit", "STORE_CREDIT",
                "Given for each friend whose first purchase converts", 0L, null, "20.00", "USD", true)).id();
        long bottle = rewards.create(new Rewards.RewardDraft("Free trail water bottle", "GIFT",
                "The three-friends bonus", 0L, 500, null, null, true)).id();
        rewards.create(new Rewards.RewardDraft("10% off your next order", "DISCOUNT_CODE", null, 300L, null, null,
                null, true));
        rewards.create(new Rewards.RewardDraft("Northwind enamel mug", "GIFT", null, 800L, 120, null, null, true));
        rewards.create(new Rewards.RewardDraft("Guided trail day", "GIFT", "Limited places", 5000L, 12, null, null,
                true));
        String by = "demo";
        activate(draft("Points for purchases", "PURCHASE", "10", null, null, null, "POINTS_PER_UNIT", "1", null,
                null, null, null, false), by);
        activate(draft("Share to earn", "SHARE", "20", null, null, null, "FIXED_POINTS", "50", null, null, "DAY", "3",
                false), by);
        activate(draft("Check in at Northwind Seattle", "CHECKIN", "30", "store-visit", "ST-SEA", null,
                "FIXED_POINTS", "40", null, null, "DAY", "1", false), by);
        activate(draft("Check in at any other store or venue", "CHECKIN", "31", "store-visit", null, null, "FIXED_POINTS", "25",
                null, null, "DAY", "1", false), by);
        activate(RuleDraft.builder().name("Early access for influencers").trigger("CHECKIN").priority("40")
                .minInfluence("80").effect("GRANT_PERK").perk("Early access to new gear").build(), by);
        activate(RuleDraft.builder().name("$20 per friend").trigger("REFERRAL_CONVERTED").priority("50")
                .referralRole("REFERRER").effect("ISSUE_REWARD").rewardId(Long.toString(credit)).build(), by);
        activate(RuleDraft.builder().name("Three friends bonus").trigger("REFERRAL_CONVERTED").priority("51")
                .referralRole("REFERRER").minReferrals("3").effect("ISSUE_REWARD").rewardId(Long.toString(bottle))
                .oncePerCustomer(true).build(), by);
        activate(RuleDraft.builder().name("Connect your loyalty number on Facebook").trigger("IDENTITY_LINKED")
                .priority("60").network("facebook").effect("FIXED_POINTS").points("200").oncePerCustomer(true)
                .build(), by);
        rules.create(RuleDraft.builder().name("Double points for Gold and up (draft)").trigger("PURCHASE")
                .priority("90").minTier("GOLD").effect("MULTIPLIER").multiplier("2").build(), by);
        return replay();
    }

    private RuleDraft draft(String name, String trigger, String priority, @Nullable String group,
            @Nullable String store, @Nullable String hashtag, String effect, String points, @Nullable String perk,
            @Nullable String reward, @Nullable String period, @Nullable String count, boolean once) {
        return RuleDraft.builder().name(name).trigger(trigger).priority(priority).group(group).store(store)
                .hashtag(hashtag).effect(effect).points(points).perk(perk).rewardId(reward).limitPeriod(period)
                .limitCount(count).oncePerCustomer(once).build();
    }

    private void activate(RuleDraft draft, String by) {
        rules.activate(rules.create(draft, by).id(), by);
    }

    private int replay() {
        Instant until = clock.instant();
        Instant from = until.minus(REPLAY_DAYS, ChronoUnit.DAYS);
        List<LoyaltyEvent> events = new ArrayList<>();
        for (Trigger trigger : Set.of(Trigger.PURCHASE, Trigger.SHARE, Trigger.CHECKIN)) {
            events.addAll(past.events(trigger, from, until));
        }
        events.sort(Comparator.comparing(LoyaltyEvent::occurredAt).thenComparing(LoyaltyEvent::sourceKey));
        int processed = 0;
        for (int i = 0; i < events.size(); i += 5000) {
            processed += engine.process(events.subList(i, Math.min(events.size(), i + 5000))).events();
        }
        log.info("Demo loyalty programme installed; {} events of the last {} days replayed", processed, REPLAY_DAYS);
        return processed;
    }
}
