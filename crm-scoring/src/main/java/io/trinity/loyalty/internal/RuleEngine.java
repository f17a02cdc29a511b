package io.trinity.loyalty.internal;

import io.trinity.loyalty.EffectKind;
import io.trinity.loyalty.RewardRule;
import io.trinity.loyalty.Tiers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides what an event earns. Plain Java: rules, the member and the award history in, awards out.
 *
 * <p>How rules combine, as the console states it: rules in force for the event's trigger are taken by priority
 * (lower first, then by id). A rule without a group always applies when it matches; within a group only the first
 * rule that actually awards applies (a rule held back by its limit lets the next one in). Multipliers apply last,
 * to the points the event earned from the other rules: a ×2 rule adds as many points again. A rule whose budget
 * has less left than it would give gives what is left.
 */
public final class RuleEngine {

    private static final Comparator<RewardRule> ORDER = Comparator.comparingInt(RewardRule::priority)
            .thenComparingLong(RewardRule::id);

    private final Tiers tiers;
    private final long minorPerUnit;

    /**
     * @param minorPerUnit minor units in one unit of the base currency (100 for USD), for points per unit
     */
    public RuleEngine(Tiers tiers, long minorPerUnit) {
        this.tiers = tiers;
        this.minorPerUnit = minorPerUnit;
    }

    public List<Award> evaluate(LoyaltyEvent event, List<RewardRule> rules, Member member, AwardHistory history,
            Instant now) {
        List<RewardRule> candidates = rules.stream()
                .filter(r -> r.trigger() == event.trigger() && r.inForce(now) && matches(r, event, member))
                .sorted(ORDER).toList();
        List<Award> awards = new ArrayList<>();
        List<RewardRule> multipliers = new ArrayList<>();
        Set<String> groupsUsed = new HashSet<>();
        Set<String> perks = new HashSet<>(member.perks());
        for (RewardRule rule : candidates) {
            if (rule.group() != null && groupsUsed.contains(rule.group())) {
                continue;
            }
            if (!withinLimits(rule, event, history)) {
                continue;
            }
            if (rule.effect().kind() == EffectKind.MULTIPLIER) {
                multipliers.add(rule);
                if (rule.group() != null) {
                    groupsUsed.add(rule.group());
                }
                continue;
            }
            Award award = give(rule, event, perks, history);
            if (award != null) {
                awards.add(award);
                history.record(rule.id(), event.customerId(), event.occurredAt(), award.points());
                if (award.perk() != null) {
                    perks.add(award.perk());
                }
                if (rule.group() != null) {
                    groupsUsed.add(rule.group());
                }
            }
        }
        long base = awards.stream().mapToLong(Award::points).sum();
        for (RewardRule rule : multipliers) {
            BigDecimal factor = rule.effect().multiplier();
            if (factor == null || base <= 0) {
                continue;
            }
            long extra = factor.subtract(BigDecimal.ONE).multiply(BigDecimal.valueOf(base))
                    .setScale(0, RoundingMode.FLOOR).longValueExact();
            extra = capToBudget(rule, extra, history);
            if (extra > 0) {
                awards.add(award(rule, event, extra, null, null));
                history.record(rule.id(), event.customerId(), event.occurredAt(), extra);
            }
        }
        return awards;
    }

    private Award give(RewardRule rule, LoyaltyEvent event, Set<String> perks, AwardHistory history) {
        RewardRule.Effect effect = rule.effect();
        return switch (effect.kind()) {
            case FIXED_POINTS -> {
                long points = capToBudget(rule, effect.points() == null ? 0 : effect.points(), history);
                yield points > 0 ? award(rule, event, points, null, null) : null;
            }
            case POINTS_PER_UNIT -> {
                if (event.amountMinor() == null || effect.points() == null) {
                    yield null;
                }
                long points = capToBudget(rule, Math.floorDiv(event.amountMinor(), minorPerUnit) * effect.points(),
                        history);
                yield points > 0 ? award(rule, event, points, null, null) : null;
            }
            case GRANT_PERK -> effect.perk() == null || perks.contains(effect.perk()) ? null
                    : award(rule, event, 0, effect.perk(), null);
            case ISSUE_REWARD -> effect.rewardId() == null ? null : award(rule, event, 0, null, effect.rewardId());
            case MULTIPLIER -> null;
        };
    }

    private static Award award(RewardRule rule, LoyaltyEvent event, long points, String perk, Long rewardId) {
        return new Award(rule.id(), rule.version(), rule.name(), event.customerId(), event.sourceKey(),
                event.occurredAt(), points, perk, rewardId);
    }

    private static long capToBudget(RewardRule rule, long points, AwardHistory history) {
        Long budget = rule.limits().budget();
        if (budget == null) {
            return points;
        }
        return Math.max(0, Math.min(points, budget - history.spent(rule.id())));
    }

    static boolean withinLimits(RewardRule rule, LoyaltyEvent event, AwardHistory history) {
        RewardRule.Limits limits = rule.limits();
        if (limits.oncePerCustomer() && history.awardedBefore(rule.id(), event.customerId())) {
            return false;
        }
        if (limits.period() != null && limits.count() != null
                && history.countInPeriod(rule.id(), event.customerId(), limits.period(), event.occurredAt())
                        >= limits.count()) {
            return false;
        }
        return limits.budget() == null || history.spent(rule.id()) < limits.budget();
    }

    /** Whether every condition the rule sets holds for the event and its member. */
    public boolean matches(RewardRule rule, LoyaltyEvent event, Member member) {
        RewardRule.Conditions c = rule.conditions();
        if (c.network() != null && !c.network().equalsIgnoreCase(String.valueOf(event.network()))) {
            return false;
        }
        if (c.store() != null && !c.store().equalsIgnoreCase(String.valueOf(event.storeId()))) {
            return false;
        }
        if (c.minAmountMinor() != null && (event.amountMinor() == null || event.amountMinor() < c.minAmountMinor())) {
            return false;
        }
        if (c.channel() != null && !c.channel().equalsIgnoreCase(String.valueOf(event.channel()))) {
            return false;
        }
        String segment = event.segment() != null ? event.segment() : member.segment();
        if (c.segment() != null && !c.segment().equalsIgnoreCase(String.valueOf(segment))) {
            return false;
        }
        if (c.minInfluence() != null && (member.influence() == null || member.influence() < c.minInfluence())) {
            return false;
        }
        if (c.minTier() != null && tiers.rank(member.tier()) < tiers.rank(c.minTier())) {
            return false;
        }
        LocalDate day = event.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate();
        if (c.eventFrom() != null && day.isBefore(c.eventFrom())) {
            return false;
        }
        if (c.eventUntil() != null && day.isAfter(c.eventUntil())) {
            return false;
        }
        if (c.hashtag() != null && !hasHashtag(event.text(), c.hashtag())) {
            return false;
        }
        if (c.referralRole() != null && c.referralRole() != event.referralRole()) {
            return false;
        }
        return c.minReferrals() == null || (event.referralCount() != null && event.referralCount() >= c.minReferrals());
    }

    /** True when the text holds {@code #tag} as a whole hashtag, ignoring case ({@code #trail} is not {@code #trails}). */
    public static boolean hasHashtag(String text, String tag) {
        if (text == null) {
            return false;
        }
        String bare = tag.startsWith("#") ? tag.substring(1) : tag;
        Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}_])#" + Pattern.quote(bare.toLowerCase(Locale.ROOT))
                + "(?![\\p{L}\\p{N}_])", Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
        return p.matcher(text).find();
    }
}
