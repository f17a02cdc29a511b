package io.trinity.core.loyalty;

import io.trinity.core.activity.ActivityType;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "What would this rule have given over the last 30 days?" Replays the real orders, activities, account links,
 * referrals and birthdays of the period through the rule, alongside the rules in force (so groups and multipliers
 * behave as they would), with limits counted from the start of the period. Writes nothing. Segment entries are not
 * replayed: the valuation keeps no daily history of them.
 */
@Service
public class RulePreview {

    public static final int DAYS = 30;

    /** The rule's would-be results; {@code examples} names a few customers with their points. */
    public record Result(int days, Instant from, Instant until, long events, long customers, long awards, long points,
            long perks, long rewards, List<Example> examples, String note) {
    }

    public record Example(long customerId, long points, int awards) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final RewardRules rules;
    private final TierLadder tiers;
    private final StandingHolder standing;
    private final BaseCurrencyHolder currency;
    private final LoyaltyEngine engine;
    private final Clock clock;

    RulePreview(JdbcClient jdbc, JdbcTemplate template, RewardRules rules, TierLadder tiers, StandingHolder standing,
            BaseCurrencyHolder currency, LoyaltyEngine engine, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.rules = rules;
        this.tiers = tiers;
        this.standing = standing;
        this.currency = currency;
        this.engine = engine;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Result preview(RewardRule candidate) {
        Instant until = clock.instant();
        Instant from = until.minus(DAYS, ChronoUnit.DAYS);
        RewardRule subject = new RewardRule(candidate.id() == 0 ? -1 : candidate.id(), candidate.version(),
                candidate.name(), candidate.trigger(), RuleStatus.ACTIVE, candidate.priority(), candidate.group(), null,
                null, candidate.conditions(), candidate.effect(), candidate.limits());
        List<RewardRule> set = new ArrayList<>();
        for (RewardRule r : rules.active()) {
            if (r.id() != subject.id() && r.trigger() == subject.trigger()) {
                set.add(new RewardRule(r.id(), r.version(), r.name(), r.trigger(), RuleStatus.ACTIVE, r.priority(),
                        r.group(), null, null, r.conditions(), r.effect(), r.limits()));
            }
        }
        set.add(subject);
        List<LoyaltyEvent> events = events(subject.trigger(), from, until);
        Tiers ladder = tiers.current();
        RuleEngine ruleEngine = new RuleEngine(ladder, engine.minorPerUnit());
        AwardHistory history = new AwardHistory();
        Map<Long, Member> members = new HashMap<>();
        Map<Long, long[]> perCustomer = new HashMap<>();
        long awards = 0;
        long points = 0;
        long perks = 0;
        long rewards = 0;
        for (int start = 0; start < events.size(); start += 5000) {
            List<LoyaltyEvent> chunk = events.subList(start, Math.min(events.size(), start + 5000));
            loadMembers(chunk, members, ladder);
            for (LoyaltyEvent event : chunk) {
                Member member = members.get(event.customerId());
                for (Award award : ruleEngine.evaluate(event, set, member, history, until)) {
                    if (award.ruleId() != subject.id()) {
                        continue;
                    }
                    awards++;
                    points += award.points();
                    long[] c = perCustomer.computeIfAbsent(award.customerId(), k -> new long[2]);
                    c[0] += award.points();
                    c[1]++;
                    if (award.perk() != null) {
                        perks++;
                        Set<String> held = new HashSet<>(member.perks());
                        held.add(award.perk());
                        members.put(member.customerId(), new Member(member.customerId(), member.tier(), held,
                                member.segment(), member.influence()));
                    }
                    if (award.rewardId() != null) {
                        rewards++;
                    }
                }
            }
        }
        List<Example> examples = perCustomer.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]) != 0
                        ? Long.compare(b.getValue()[0], a.getValue()[0]) : Long.compare(a.getKey(), b.getKey()))
                .limit(5).map(e -> new Example(e.getKey(), e.getValue()[0], (int) e.getValue()[1])).toList();
        String note = subject.trigger() == Trigger.SEGMENT_ENTERED
                ? "Segment entries are not replayed (no daily history); the next scoring run will apply the rule."
                : "Replayed " + events.size() + " " + subject.trigger().label() + " events of the last " + DAYS
                        + " days with today's tiers, segments and influence; limits counted from the period's start;"
                        + " the rule's active window is ignored.";
        return new Result(DAYS, from, until, events.size(), perCustomer.size(), awards, points, perks, rewards,
                examples, note);
    }

    private void loadMembers(List<LoyaltyEvent> chunk, Map<Long, Member> members, Tiers ladder) {
        List<Long> missing = chunk.stream().map(LoyaltyEvent::customerId).filter(id -> !members.containsKey(id))
                .distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        Long[] ids = missing.toArray(new Long[0]);
        Map<Long, String> tierOf = new HashMap<>();
        jdbc.sql("select customer_id, tier from loyalty_account where customer_id = any(?)").param(ids)
                .query((rs, n) -> tierOf.put(rs.getLong(1), rs.getString(2))).list();
        Map<Long, Set<String>> perks = new HashMap<>();
        jdbc.sql("select customer_id, perk from customer_perk where customer_id = any(?)").param(ids)
                .query((rs, n) -> perks.computeIfAbsent(rs.getLong(1), c -> new HashSet<>()).add(rs.getString(2)))
                .list();
        Map<Long, MemberStanding.Standing> standings = standing.get().of(missing);
        for (long id : missing) {
            MemberStanding.Standing s = standings.get(id);
            members.put(id, new Member(id, tierOf.getOrDefault(id, ladder.lowest().code()),
                    perks.getOrDefault(id, Set.of()), s == null ? null : s.segment(),
                    s == null ? null : s.influence()));
        }
    }

    private List<LoyaltyEvent> events(Trigger trigger, Instant from, Instant until) {
        Timestamp f = Timestamp.from(from);
        Timestamp u = Timestamp.from(until);
        List<LoyaltyEvent> events = new ArrayList<>();
        JdbcTemplate template = new JdbcTemplate(java.util.Objects.requireNonNull(this.template.getDataSource()));
        template.setFetchSize(10_000);
        switch (trigger) {
            case PURCHASE -> template.query("""
                    select external_id, customer_id, ordered_at, amount_minor, currency, channel, store_id from orders
                    where ordered_at > ? and ordered_at <= ? and amount_minor > 0 order by ordered_at, id""", rs -> {
                OptionalLong base = currency.get().toBaseMinor(rs.getLong(4), rs.getString(5));
                events.add(LoyaltyEvent.purchase(LoyaltyIngest.orderKey(rs.getString(1)), rs.getLong(2),
                        rs.getTimestamp(3).toInstant(), base.isPresent() ? base.getAsLong() : null, rs.getString(6),
                        rs.getString(7)));
            }, f, u);
            case SHARE, POST_MENTIONING_BRAND, COMMENT, CHECKIN, REVIEW -> {
                ActivityType type = switch (trigger) {
                    case SHARE -> ActivityType.SHARE;
                    case POST_MENTIONING_BRAND -> ActivityType.MENTION;
                    case COMMENT -> ActivityType.COMMENT;
                    case CHECKIN -> ActivityType.CHECKIN;
                    default -> ActivityType.REVIEW;
                };
                template.query("""
                        select network, external_id, actor_customer_id, occurred_at, target_store_id, text
                        from activity where type = ? and actor_customer_id is not null
                          and occurred_at > ? and occurred_at <= ? order by occurred_at, id""", rs -> {
                    events.add(LoyaltyEvent.social("activity:" + rs.getString(1) + ":" + rs.getString(2), trigger,
                            rs.getLong(3), rs.getTimestamp(4).toInstant(), rs.getString(1), rs.getString(5),
                            rs.getString(6)));
                }, type.name(), f, u);
            }
            case IDENTITY_LINKED -> template.query("""
                    select id, network, customer_id, linked_at from social_identity
                    where customer_id is not null and linked_at > ? and linked_at <= ? order by linked_at, id""",
                    rs -> {
                        events.add(LoyaltyEvent.simple("identity:" + rs.getLong(1), trigger, rs.getLong(3),
                                rs.getTimestamp(4).toInstant(), rs.getString(2), null));
                    }, f, u);
            case REFERRAL_CONVERTED -> {
                Map<Long, Integer> converted = new HashMap<>();
                template.query("""
                        select id, referrer_id, referred_id, converted_at,
                               (select count(*) from referral p where p.referrer_id = r.referrer_id
                                and p.converted_at is not null and p.converted_at < ?) as before
                        from referral r where converted_at > ? and converted_at <= ? order by converted_at, id""",
                        rs -> {
                            long referrer = rs.getLong(2);
                            int count = converted.merge(referrer, 1, Integer::sum) + rs.getInt(5);
                            Instant at = rs.getTimestamp(4).toInstant();
                            events.add(LoyaltyEvent.referral("referral:" + rs.getLong(1) + ":referrer", referrer, at,
                                    ReferralRole.REFERRER, count));
                            events.add(LoyaltyEvent.referral("referral:" + rs.getLong(1) + ":referred",
                                    rs.getLong(3), at, ReferralRole.REFERRED, count));
                        }, f, f, u);
            }
            case PROFILE_COMPLETED -> template.query("""
                    select id, updated_at from customer where updated_at > ? and updated_at <= ?
                      and first_name is not null and last_name is not null and email is not null
                      and phone is not null and city is not null and country is not null and birth_date is not null""",
                    rs -> {
                        events.add(LoyaltyEvent.simple("profile:" + rs.getLong(1), trigger, rs.getLong(1),
                                rs.getTimestamp(2).toInstant(), null, null));
                    }, f, u);
            case BIRTHDAY -> {
                LocalDate day = from.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1);
                LocalDate last = until.atOffset(ZoneOffset.UTC).toLocalDate();
                for (; !day.isAfter(last); day = day.plusDays(1)) {
                    LocalDate d = day;
                    template.query("""
                            select id from customer where birth_date is not null
                              and extract(month from birth_date) = ? and extract(day from birth_date) = ?""", rs -> {
                        events.add(LoyaltyEvent.simple("birthday:" + rs.getLong(1) + ":" + d.getYear(), trigger,
                                rs.getLong(1), d.atStartOfDay().toInstant(ZoneOffset.UTC), null, null));
                    }, d.getMonthValue(), d.getDayOfMonth());
                }
            }
            case SEGMENT_ENTERED -> {
                // not replayable, see the class comment
            }
        }
        return events;
    }
}
