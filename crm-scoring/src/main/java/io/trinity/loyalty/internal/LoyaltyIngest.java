package io.trinity.loyalty.internal;

import io.trinity.loyalty.LoyaltyAccounts;
import io.trinity.loyalty.Referrals;
import io.trinity.loyalty.Trigger;
import io.trinity.scoring.ExchangeRates;
import io.trinity.activity.ActivitiesStored;
import io.trinity.activity.ActivityType;
import io.trinity.customer.CustomersStored;
import io.trinity.identity.IdentityLinked;
import io.trinity.order.OrdersStored;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns what ingest stored into loyalty events, inside the same transaction: purchases and refunds, social
 * activity, linked accounts, completed profiles. A refund ({@code NW-58102-R1}, negative amount) reverses the
 * points its order ({@code NW-58102}) earned, in proportion to the amount refunded.
 */
@Component
class LoyaltyIngest {

    /** A refund's external id is its order's id plus {@code -R} and a number (NW-58102-R1 refunds NW-58102). */
    static final Pattern REFUND_ID = Pattern.compile("^(.+)-R\\d+$");

    private static final Map<ActivityType, Trigger> TRIGGERS = Map.of(ActivityType.SHARE, Trigger.SHARE,
            ActivityType.MENTION, Trigger.POST_MENTIONING_BRAND, ActivityType.COMMENT, Trigger.COMMENT,
            ActivityType.CHECKIN, Trigger.CHECKIN, ActivityType.REVIEW, Trigger.REVIEW);

    private final LoyaltyEngine engine;
    private final LoyaltyAccounts accounts;
    private final Referrals referrals;
    private final ExchangeRates rates;
    private final JdbcClient jdbc;
    private final Clock clock;

    LoyaltyIngest(LoyaltyEngine engine, LoyaltyAccounts accounts, Referrals referrals, ExchangeRates rates,
            JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.engine = engine;
        this.accounts = accounts;
        this.referrals = referrals;
        this.rates = rates;
        this.jdbc = jdbc;
    }

    static String orderKey(String externalId) {
        return "order:" + externalId;
    }

    @EventListener
    void orders(OrdersStored stored) {
        List<OrdersStored.Stored> purchases = new ArrayList<>();
        List<OrdersStored.Stored> refunds = new ArrayList<>();
        for (OrdersStored.Stored o : stored.orders()) {
            (o.amountMinor() > 0 ? purchases : refunds).add(o);
        }
        refunds.stream().filter(o -> o.amountMinor() < 0).forEach(this::reverse);
        purchases(purchases.stream().filter(o -> !o.orderedAt().isAfter(clock.instant())).toList());
    }

    /**
     * Purchases whose time has come: points and referral conversions. A purchase dated ahead waits for
     * {@link DeferredEvents}, so it neither earns nor converts a referral before it happens.
     */
    void purchases(List<OrdersStored.Stored> purchases) {
        List<LoyaltyEvent> events = new ArrayList<>();
        Set<Trigger> active = engine.activeTriggers();
        if (active.contains(Trigger.PURCHASE)) {
            for (OrdersStored.Stored o : purchases) {
                OptionalLong base = rates.toBaseMinor(o.amountMinor(), o.currency());
                events.add(LoyaltyEvent.purchase(orderKey(o.externalId()), o.customerId(), o.orderedAt(),
                        base.isPresent() ? base.getAsLong() : null, o.channel(), o.storeId()));
            }
        }
        events.addAll(referrals.convert(purchases));
        engine.process(events);
    }

    /** Reverses, in proportion to the refund, what the refunded order earned; never more than it earned. */
    private void reverse(OrdersStored.Stored refund) {
        Matcher m = REFUND_ID.matcher(refund.externalId());
        if (!m.matches()) {
            return;
        }
        String original = m.group(1);
        record Original(long customerId, long amountMinor) {
        }
        Original order = jdbc.sql("select customer_id, amount_minor from order_facts where external_id = ?")
                .param(original).query((rs, n) -> new Original(rs.getLong(1), rs.getLong(2))).optional()
                .orElse(null);
        if (order == null || order.customerId() != refund.customerId() || order.amountMinor() <= 0) {
            return;
        }
        BigDecimal share = BigDecimal.valueOf(-refund.amountMinor()).min(BigDecimal.valueOf(order.amountMinor()))
                .divide(BigDecimal.valueOf(order.amountMinor()), 10, RoundingMode.HALF_UP);
        record Earned(long id, long points, long reversed, long ruleId, int ruleVersion) {
        }
        List<Earned> earned = jdbc.sql("""
                        select l.id, l.points,
                               coalesce((select -sum(r.points) from loyalty_ledger r
                                         where r.kind = 'REVERSE' and r.reverses_id = l.id), 0),
                               l.rule_id, l.rule_version
                        from loyalty_ledger l where l.kind = 'EARN' and l.source_key = ? and l.customer_id = ?""")
                .params(orderKey(original), refund.customerId())
                .query((rs, n) -> new Earned(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getInt(5))).list();
        List<LoyaltyAccounts.NewEntry> entries = new ArrayList<>();
        for (Earned e : earned) {
            long points = Math.min(e.points() - e.reversed(), share.multiply(BigDecimal.valueOf(e.points()))
                    .setScale(0, RoundingMode.HALF_UP).longValueExact());
            if (points > 0) {
                entries.add(new LoyaltyAccounts.NewEntry(refund.customerId(), "REVERSE", -points,
                        "refund:" + refund.externalId(), e.ruleId(), e.ruleVersion(), "system",
                        "refund " + refund.externalId() + " of order " + original, e.id(), refund.orderedAt(), null));
            }
        }
        if (!accounts.append(entries).isEmpty()) {
            accounts.recomputeTiers(List.of(refund.customerId()));
        }
    }

    @EventListener
    void activities(ActivitiesStored stored) {
        Set<Trigger> active = engine.activeTriggers();
        List<LoyaltyEvent> events = new ArrayList<>();
        for (ActivitiesStored.Stored a : stored.activities()) {
            Trigger trigger = TRIGGERS.get(a.type());
            if (trigger == null || a.actorCustomerId() == null || !active.contains(trigger)) {
                continue;
            }
            events.add(LoyaltyEvent.social("activity:" + a.network() + ":" + a.externalId(), trigger,
                    a.actorCustomerId(), a.occurredAt(), a.network(), a.targetStoreId(), a.text()));
        }
        engine.process(events);
    }

    @EventListener
    void identityLinked(IdentityLinked linked) {
        if (!engine.activeTriggers().contains(Trigger.IDENTITY_LINKED)) {
            return;
        }
        engine.process(List.of(LoyaltyEvent.simple("identity:" + linked.identityId(), Trigger.IDENTITY_LINKED,
                linked.customerId(), clock.instant(), linked.network(), null)));
    }

    /** A profile is complete with name, e-mail, phone, city, country and birth date. Earns once per customer. */
    @EventListener
    void customers(CustomersStored stored) {
        if (!engine.activeTriggers().contains(Trigger.PROFILE_COMPLETED)) {
            return;
        }
        List<Long> complete = jdbc.sql("""
                        select id from customer_directory where id = any(?) and first_name is not null and last_name is not null
                          and email is not null and phone is not null and city is not null and country is not null
                          and birth_date is not null""")
                .param(stored.customerIds().toArray(new Long[0])).query(Long.class).list();
        engine.process(complete.stream().map(id -> LoyaltyEvent.simple("profile:" + id, Trigger.PROFILE_COMPLETED,
                id, clock.instant(), null, null)).toList());
    }
}
