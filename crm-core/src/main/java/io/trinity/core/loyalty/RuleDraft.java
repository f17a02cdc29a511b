package io.trinity.core.loyalty;

import org.jspecify.annotations.Nullable;

/**
 * A reward rule as typed into the console or sent to the API, not trusted yet: every value is text so that a bad
 * one can be refused with a message next to its field. Field names in errors follow the API's JSON paths
 * ({@code conditions.minAmount}, {@code effect.points}, {@code limits.count}).
 */
public record RuleDraft(
        @Nullable String name,
        @Nullable String trigger,
        @Nullable String priority,
        @Nullable String group,
        @Nullable String activeFrom,
        @Nullable String activeUntil,
        @Nullable String network,
        @Nullable String store,
        @Nullable String minAmount,
        @Nullable String channel,
        @Nullable String segment,
        @Nullable String minInfluence,
        @Nullable String minTier,
        @Nullable String eventFrom,
        @Nullable String eventUntil,
        @Nullable String hashtag,
        @Nullable String referralRole,
        @Nullable String minReferrals,
        @Nullable String effect,
        @Nullable String points,
        @Nullable String multiplier,
        @Nullable String perk,
        @Nullable String rewardId,
        @Nullable String limitPeriod,
        @Nullable String limitCount,
        @Nullable String budget,
        @Nullable Boolean oncePerCustomer) {

    /** The draft that re-creates a stored version, for the console's edit form. */
    public static RuleDraft of(RewardRule rule, int fractionDigits) {
        RewardRule.Conditions c = rule.conditions();
        RewardRule.Effect e = rule.effect();
        RewardRule.Limits l = rule.limits();
        return new RuleDraft(rule.name(), rule.trigger().name(), Integer.toString(rule.priority()), rule.group(),
                rule.activeFrom() == null ? null : rule.activeFrom().toString(),
                rule.activeUntil() == null ? null : rule.activeUntil().toString(), c.network(), c.store(),
                c.minAmountMinor() == null ? null
                        : java.math.BigDecimal.valueOf(c.minAmountMinor(), fractionDigits).toPlainString(),
                c.channel(), c.segment(), c.minInfluence() == null ? null : trimNumber(c.minInfluence()), c.minTier(),
                c.eventFrom() == null ? null : c.eventFrom().toString(),
                c.eventUntil() == null ? null : c.eventUntil().toString(), c.hashtag(),
                c.referralRole() == null ? null : c.referralRole().name(),
                c.minReferrals() == null ? null : c.minReferrals().toString(), e.kind().name(),
                e.points() == null ? null : e.points().toString(),
                e.multiplier() == null ? null : e.multiplier().stripTrailingZeros().toPlainString(), e.perk(),
                e.rewardId() == null ? null : e.rewardId().toString(),
                l.period() == null ? null : l.period().name(), l.count() == null ? null : l.count().toString(),
                l.budget() == null ? null : l.budget().toString(), l.oncePerCustomer());
    }

    private static String trimNumber(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
