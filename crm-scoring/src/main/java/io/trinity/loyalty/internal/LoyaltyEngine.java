package io.trinity.loyalty.internal;

import io.trinity.loyalty.EarningCeiling;
import io.trinity.loyalty.Rewards;
import io.trinity.loyalty.EarningCeilings;
import io.trinity.loyalty.LoyaltyAccounts;
import io.trinity.loyalty.RewardRule;
import io.trinity.loyalty.RewardRules;
import io.trinity.loyalty.TierLadder;
import io.trinity.loyalty.Tiers;
import io.trinity.loyalty.Trigger;
import io.trinity.scoring.ExchangeRates;
import io.trinity.scoring.CustomerValues;
import io.trinity.database.SqlArrays;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the rules in force over events as they arrive, inside the transaction that stored them: each source event
 * is recorded once ({@code loyalty_event}), so a re-delivered order or share earns nothing more; the ledger's
 * unique keys hold the same line should two deliveries race. What an event earns is capped by the programme's
 * {@link EarningCeiling}, and an event dated ahead of now earns nothing until its time comes.
 */
@Service
public class LoyaltyEngine {

    private static final Logger log = LoggerFactory.getLogger(LoyaltyEngine.class);

    private final RewardRules rules;
    private final LoyaltyAccounts accounts;
    private final TierLadder tiers;
    private final CustomerValues values;
    private final ExchangeRates rates;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;
    private final EarningCeilings ceilings;

    LoyaltyEngine(RewardRules rules, LoyaltyAccounts accounts, TierLadder tiers, CustomerValues values,
            ExchangeRates rates, JdbcClient jdbc, JdbcTemplate template, Clock clock,
            EarningCeilings ceilings) {
        this.ceilings = ceilings;
        this.rules = rules;
        this.accounts = accounts;
        this.tiers = tiers;
        this.values = values;
        this.rates = rates;
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /** The triggers some active rule answers to; events of other triggers are not even recorded. */
    public Set<Trigger> activeTriggers() {
        Set<Trigger> triggers = EnumSet.noneOf(Trigger.class);
        jdbc.sql("""
                select distinct v.trigger from reward_rule r join reward_rule_version v
                    on v.rule_id = r.id and v.version = r.current_version where r.status = 'ACTIVE'""")
                .query(String.class).list().forEach(t -> triggers.add(Trigger.valueOf(t)));
        return triggers;
    }

    /** What one call awarded, for tests and logs. */
    public record Outcome(int events, List<Award> awards) {
    }

    @Transactional
    public Outcome process(List<LoyaltyEvent> incoming) {
        if (incoming.isEmpty()) {
            return new Outcome(0, List.of());
        }
        Instant now = clock.instant();
        List<RewardRule> inForce = rules.active().stream().filter(r -> r.inForce(now)).toList();
        Set<Trigger> triggers = inForce.stream().map(RewardRule::trigger).collect(Collectors.toSet());
        Map<String, LoyaltyEvent> byKey = new LinkedHashMap<>();
        // An event dated ahead earns nothing yet: it is not recorded, so DeferredEvents hands it in once it is due.
        incoming.stream().filter(e -> triggers.contains(e.trigger()) && !e.occurredAt().isAfter(now))
                .forEach(e -> byKey.putIfAbsent(e.sourceKey(), e));
        if (byKey.isEmpty()) {
            return new Outcome(0, List.of());
        }
        Set<String> fresh = record(new ArrayList<>(byKey.values()));
        List<LoyaltyEvent> events = byKey.values().stream().filter(e -> fresh.contains(e.sourceKey()))
                .sorted(Comparator.comparing(LoyaltyEvent::occurredAt).thenComparing(LoyaltyEvent::sourceKey))
                .toList();
        if (events.isEmpty()) {
            return new Outcome(0, List.of());
        }
        List<Long> customers = events.stream().map(LoyaltyEvent::customerId).distinct().toList();
        Tiers ladder = tiers.current();
        Map<Long, Member> members = members(customers, ladder);
        AwardHistory history = history(inForce, customers);
        RuleEngine engine = new RuleEngine(ladder, minorPerUnit());
        EarningCeiling ceiling = ceilings.ceiling();
        Map<String, Long> earnedByDay = earnedByDay(events);
        List<Award> awards = new ArrayList<>();
        for (LoyaltyEvent event : events) {
            Member member = members.get(event.customerId());
            String day = event.customerId() + "@" + utcDay(event.occurredAt());
            long before = earnedByDay.getOrDefault(day, 0L);
            List<Award> rules = engine.evaluate(event, inForce, member, history, now);
            List<Award> given = ceiling.apply(rules, before);
            long earned = given.stream().mapToLong(a -> Math.max(0, a.points())).sum();
            if (earned < rules.stream().mapToLong(a -> Math.max(0, a.points())).sum()) {
                log.info("Loyalty ceiling: {} earned {} of {} points for {} (per event {}, per day {})",
                        event.customerId(), earned, rules.stream().mapToLong(Award::points).sum(), event.sourceKey(),
                        ceiling.perEvent(), ceiling.perDay());
            }
            earnedByDay.put(day, before + earned);
            awards.addAll(given);
            Set<String> perks = new HashSet<>(member.perks());
            given.stream().filter(a -> a.perk() != null).forEach(a -> perks.add(a.perk()));
            members.put(member.customerId(), new Member(member.customerId(), member.tier(), perks, member.segment(),
                    member.influence()));
        }
        write(awards);
        accounts.recomputeTiers(awards.stream().filter(a -> a.points() > 0).map(Award::customerId).distinct()
                .toList());
        if (!awards.isEmpty()) {
            log.debug("Loyalty: {} events, {} awards", events.size(), awards.size());
        }
        return new Outcome(events.size(), awards);
    }

    private static java.time.LocalDate utcDay(Instant at) {
        return at.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
    }

    /** Points each customer already earned on each UTC day these events fall on, keyed "customer@day". */
    private Map<String, Long> earnedByDay(List<LoyaltyEvent> events) {
        Map<String, Long> earned = new HashMap<>();
        Long[] customers = events.stream().map(LoyaltyEvent::customerId).distinct().toArray(Long[]::new);
        Instant from = events.stream().map(e -> utcDay(e.occurredAt())).min(Comparator.naturalOrder()).orElseThrow()
                .atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Instant until = events.stream().map(e -> utcDay(e.occurredAt())).max(Comparator.naturalOrder())
                .orElseThrow().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        jdbc.sql("""
                        select customer_id, (occurred_at at time zone 'UTC')::date, sum(points) from loyalty_ledger
                        where kind = 'EARN' and customer_id = any(?) and occurred_at >= ? and occurred_at < ?
                        group by 1, 2""")
                .params(customers, java.sql.Timestamp.from(from), java.sql.Timestamp.from(until))
                .query((rs, n) -> earned.put(rs.getLong(1) + "@" + rs.getObject(2, java.time.LocalDate.class),
                        rs.getLong(3)))
                .list();
        return earned;
    }

    public long minorPerUnit() {
        return BigDecimal.TEN.pow(rates.currency().getDefaultFractionDigits()).longValueExact();
    }

    private Set<String> record(List<LoyaltyEvent> unordered) {
        List<LoyaltyEvent> events = unordered.stream().sorted(Comparator.comparing(LoyaltyEvent::sourceKey)).toList();
        Object[] keys = events.stream().map(LoyaltyEvent::sourceKey).toArray();
        Object[] customers = events.stream().map(LoyaltyEvent::customerId).toArray();
        Object[] triggers = events.stream().map(e -> e.trigger().name()).toArray();
        Object[] times = events.stream().map(e -> e.occurredAt().toString()).toArray();
        Set<String> fresh = new HashSet<>();
        template.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into loyalty_event (source_key, customer_id, trigger, occurred_at)
                    select t.k, t.c, t.t, t.o::timestamptz from unnest(?::text[], ?::bigint[], ?::text[], ?::text[])
                        as t(k, c, t, o)
                    on conflict (source_key) do nothing returning source_key""");
            ps.setArray(1, SqlArrays.text(con, keys));
            ps.setArray(2, SqlArrays.bigint(con, customers));
            ps.setArray(3, SqlArrays.text(con, triggers));
            ps.setArray(4, SqlArrays.text(con, times));
            return ps;
        }, rs -> {
            fresh.add(rs.getString(1));
        });
        return fresh;
    }

    /** The members behind these customers: tier, perks held, and the valuation's segment and influence. */
    public Map<Long, Member> members(List<Long> customers, Tiers ladder) {
        Long[] ids = customers.toArray(new Long[0]);
        Map<Long, String> tierOf = new HashMap<>();
        jdbc.sql("select customer_id, tier from loyalty_account where customer_id = any(?)").param(ids)
                .query((rs, n) -> tierOf.put(rs.getLong(1), rs.getString(2))).list();
        Map<Long, Set<String>> perks = new HashMap<>();
        jdbc.sql("select customer_id, perk from customer_perk where customer_id = any(?)").param(ids)
                .query((rs, n) -> perks.computeIfAbsent(rs.getLong(1), c -> new HashSet<>()).add(rs.getString(2)))
                .list();
        Map<Long, io.trinity.scoring.Standing> standings = values.standings(customers);
        Map<Long, Member> members = new HashMap<>();
        for (long id : customers) {
            io.trinity.scoring.Standing s = standings.get(id);
            members.put(id, new Member(id, tierOf.getOrDefault(id, ladder.lowest().code()),
                    perks.getOrDefault(id, Set.of()), s == null ? null : s.segment(),
                    s == null ? null : s.influence()));
        }
        return members;
    }

    /** What the limits of the rules in force need: earlier awards of these customers, and budgets spent. */
    private AwardHistory history(List<RewardRule> inForce, List<Long> customers) {
        AwardHistory history = new AwardHistory();
        Long[] limited = inForce.stream().filter(r -> r.limits().oncePerCustomer() || r.limits().period() != null)
                .map(RewardRule::id).toArray(Long[]::new);
        Long[] budgeted = inForce.stream().filter(r -> r.limits().budget() != null).map(RewardRule::id)
                .sorted().toArray(Long[]::new);
        Long[] ids = customers.toArray(new Long[0]);
        if (limited.length > 0) {
            jdbc.sql("""
                    select rule_id, customer_id, occurred_at from loyalty_ledger
                    where kind = 'EARN' and rule_id = any(:rules) and customer_id = any(:customers)
                    union all
                    select rule_id, customer_id, granted_at from customer_perk
                    where rule_id = any(:rules) and customer_id = any(:customers)
                    union all
                    select rule_id, customer_id, created_at from redemption
                    where rule_id = any(:rules) and customer_id = any(:customers)""")
                    .param("rules", limited).param("customers", ids)
                    .query((rs, n) -> {
                        history.recordAward(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant());
                        return null;
                    }).list();
        }
        if (budgeted.length > 0) {
            // Budgets are shared by every ingest: hold the rules while this batch spends from them.
            jdbc.sql("select id from reward_rule where id = any(?) order by id for update").param(budgeted)
                    .query(Long.class).list();
            jdbc.sql("select rule_id, coalesce(sum(points), 0) from loyalty_ledger"
                            + " where rule_id = any(?) and kind = 'EARN' group by rule_id")
                    .param(budgeted).query((rs, n) -> {
                        history.recordSpent(rs.getLong(1), rs.getLong(2));
                        return null;
                    }).list();
        }
        return history;
    }

    private void write(List<Award> awards) {
        List<LoyaltyAccounts.NewEntry> entries = new ArrayList<>();
        for (Award a : awards) {
            if (a.points() > 0) {
                entries.add(new LoyaltyAccounts.NewEntry(a.customerId(), "EARN", a.points(), a.sourceKey(),
                        a.ruleId(), a.ruleVersion(), "system", null, null, a.occurredAt(),
                        accounts.expiryOf(a.occurredAt())));
            }
            if (a.perk() != null) {
                jdbc.sql("""
                        insert into customer_perk (customer_id, perk, rule_id, rule_version, source_key)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(a.customerId(), a.perk(), a.ruleId(), a.ruleVersion(), a.sourceKey()).update();
            }
            if (a.rewardId() != null) {
                issue(a);
            }
        }
        accounts.append(entries);
    }

    /** A rule's reward: taken from stock like a redemption, but costs no points. Out of stock: not issued. */
    private void issue(Award a) {
        int taken = jdbc.sql("update reward set stock = stock - 1 where id = ? and active and stock > 0")
                .param(a.rewardId()).update();
        boolean unlimited = jdbc.sql("select stock is null and active from reward where id = ?").param(a.rewardId())
                .query(Boolean.class).optional().orElse(false);
        if (taken == 0 && !unlimited) {
            log.warn("Reward {} of rule {} is out of stock or inactive; not issued for {}", a.rewardId(), a.ruleId(),
                    a.sourceKey());
            return;
        }
        String code = jdbc.sql("select kind from reward where id = ?").param(a.rewardId()).query(String.class)
                .single().equals("DISCOUNT_CODE") ? Rewards.newCode() : null;
        int inserted = jdbc.sql("""
                        insert into redemption (customer_id, reward_id, points, rule_id, rule_version, source_key, code,
                                                created_by)
                        values (?, ?, 0, ?, ?, ?, ?, 'system') on conflict do nothing""")
                .params(a.customerId(), a.rewardId(), a.ruleId(), a.ruleVersion(), a.sourceKey(), code).update();
        if (inserted == 0 && taken == 1) {
            jdbc.sql("update reward set stock = stock + 1 where id = ?").param(a.rewardId()).update();
        }
    }
}
