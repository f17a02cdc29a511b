package io.trinity.loyalty;

import org.jspecify.annotations.Nullable;

/**
 * A reward rule as typed into the console or sent to the API, not trusted yet: every value is text so that a bad
 * one can be refused with a message next to its field. It has the API's shape — when (trigger, conditions), what
 * (the reward) and how often (limits) — and field names in errors follow its JSON paths ({@code
 * conditions.minAmount}, {@code effect.points}, {@code limits.count}). Build one with {@link #builder()}.
 */
public record RuleDraft(@Nullable String name, @Nullable String trigger, @Nullable String priority,
        @Nullable String group, @Nullable String activeFrom, @Nullable String activeUntil, Conditions conditions,
        Reward reward, Limits limits) {

    /** When the rule applies, beyond its trigger. */
    public record Conditions(@Nullable String network, @Nullable String store, @Nullable String minAmount,
            @Nullable String channel, @Nullable String segment, @Nullable String minInfluence,
            @Nullable String minTier, @Nullable String eventFrom, @Nullable String eventUntil,
            @Nullable String hashtag, @Nullable String referralRole, @Nullable String minReferrals) {

        public static final Conditions NONE = new Conditions(null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** What the rule gives: its kind and what it needs ({@code FIXED_POINTS} and a number of points, …). */
    public record Reward(@Nullable String kind, @Nullable String points, @Nullable String multiplier,
            @Nullable String perk, @Nullable String rewardId) {

        public static final Reward NONE = new Reward(null, null, null, null, null);
    }

    /** How often and how much. */
    public record Limits(@Nullable String period, @Nullable String count, @Nullable String budget,
            @Nullable Boolean oncePerCustomer) {

        public static final Limits NONE = new Limits(null, null, null, null);
    }

    public RuleDraft {
        conditions = conditions == null ? Conditions.NONE : conditions;
        reward = reward == null ? Reward.NONE : reward;
        limits = limits == null ? Limits.NONE : limits;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The draft that re-creates a stored version, for the console's edit form. */
    public static RuleDraft of(RewardRule rule, int fractionDigits) {
        RewardRule.Conditions c = rule.conditions();
        RewardRule.Effect e = rule.effect();
        RewardRule.Limits l = rule.limits();
        return builder().name(rule.name()).trigger(rule.trigger().name()).priority(Integer.toString(rule.priority()))
                .group(rule.group())
                .activeFrom(rule.activeFrom() == null ? null : rule.activeFrom().toString())
                .activeUntil(rule.activeUntil() == null ? null : rule.activeUntil().toString())
                .network(c.network()).store(c.store())
                .minAmount(c.minAmountMinor() == null ? null
                        : java.math.BigDecimal.valueOf(c.minAmountMinor(), fractionDigits).toPlainString())
                .channel(c.channel()).segment(c.segment())
                .minInfluence(c.minInfluence() == null ? null : trimNumber(c.minInfluence())).minTier(c.minTier())
                .eventFrom(c.eventFrom() == null ? null : c.eventFrom().toString())
                .eventUntil(c.eventUntil() == null ? null : c.eventUntil().toString()).hashtag(c.hashtag())
                .referralRole(c.referralRole() == null ? null : c.referralRole().name())
                .minReferrals(c.minReferrals() == null ? null : c.minReferrals().toString())
                .effect(e.kind().name()).points(e.points() == null ? null : e.points().toString())
                .multiplier(e.multiplier() == null ? null : e.multiplier().stripTrailingZeros().toPlainString())
                .perk(e.perk()).rewardId(e.rewardId() == null ? null : e.rewardId().toString())
                .limitPeriod(l.period() == null ? null : l.period().name())
                .limitCount(l.count() == null ? null : l.count().toString())
                .budget(l.budget() == null ? null : l.budget().toString()).oncePerCustomer(l.oncePerCustomer())
                .build();
    }

    // Flat views of the nested parts, as the validator and the console's form read them.
    public @Nullable String network() { return conditions.network(); }
    public @Nullable String store() { return conditions.store(); }
    public @Nullable String minAmount() { return conditions.minAmount(); }
    public @Nullable String channel() { return conditions.channel(); }
    public @Nullable String segment() { return conditions.segment(); }
    public @Nullable String minInfluence() { return conditions.minInfluence(); }
    public @Nullable String minTier() { return conditions.minTier(); }
    public @Nullable String eventFrom() { return conditions.eventFrom(); }
    public @Nullable String eventUntil() { return conditions.eventUntil(); }
    public @Nullable String hashtag() { return conditions.hashtag(); }
    public @Nullable String referralRole() { return conditions.referralRole(); }
    public @Nullable String minReferrals() { return conditions.minReferrals(); }
    public @Nullable String effect() { return reward.kind(); }
    public @Nullable String points() { return reward.points(); }
    public @Nullable String multiplier() { return reward.multiplier(); }
    public @Nullable String perk() { return reward.perk(); }
    public @Nullable String rewardId() { return reward.rewardId(); }
    public @Nullable String limitPeriod() { return limits.period(); }
    public @Nullable String limitCount() { return limits.count(); }
    public @Nullable String budget() { return limits.budget(); }
    public @Nullable Boolean oncePerCustomer() { return limits.oncePerCustomer(); }

    private static String trimNumber(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Names only what a rule uses: {@code builder().name("Points").trigger("PURCHASE").effect("FIXED_POINTS")…}. */
    public static final class Builder {
        private @Nullable String name, trigger, priority, group, activeFrom, activeUntil;
        private @Nullable String network, store, minAmount, channel, segment, minInfluence, minTier, eventFrom,
                eventUntil, hashtag, referralRole, minReferrals;
        private @Nullable String effect, points, multiplier, perk, rewardId;
        private @Nullable String limitPeriod, limitCount, budget;
        private @Nullable Boolean oncePerCustomer;

        private Builder() {
        }

        public Builder name(@Nullable String v) { name = v; return this; }
        public Builder trigger(@Nullable String v) { trigger = v; return this; }
        public Builder priority(@Nullable String v) { priority = v; return this; }
        public Builder group(@Nullable String v) { group = v; return this; }
        public Builder activeFrom(@Nullable String v) { activeFrom = v; return this; }
        public Builder activeUntil(@Nullable String v) { activeUntil = v; return this; }
        public Builder network(@Nullable String v) { network = v; return this; }
        public Builder store(@Nullable String v) { store = v; return this; }
        public Builder minAmount(@Nullable String v) { minAmount = v; return this; }
        public Builder channel(@Nullable String v) { channel = v; return this; }
        public Builder segment(@Nullable String v) { segment = v; return this; }
        public Builder minInfluence(@Nullable String v) { minInfluence = v; return this; }
        public Builder minTier(@Nullable String v) { minTier = v; return this; }
        public Builder eventFrom(@Nullable String v) { eventFrom = v; return this; }
        public Builder eventUntil(@Nullable String v) { eventUntil = v; return this; }
        public Builder hashtag(@Nullable String v) { hashtag = v; return this; }
        public Builder referralRole(@Nullable String v) { referralRole = v; return this; }
        public Builder minReferrals(@Nullable String v) { minReferrals = v; return this; }
        public Builder effect(@Nullable String v) { effect = v; return this; }
        public Builder points(@Nullable String v) { points = v; return this; }
        public Builder multiplier(@Nullable String v) { multiplier = v; return this; }
        public Builder perk(@Nullable String v) { perk = v; return this; }
        public Builder rewardId(@Nullable String v) { rewardId = v; return this; }
        public Builder limitPeriod(@Nullable String v) { limitPeriod = v; return this; }
        public Builder limitCount(@Nullable String v) { limitCount = v; return this; }
        public Builder budget(@Nullable String v) { budget = v; return this; }
        public Builder oncePerCustomer(@Nullable Boolean v) { oncePerCustomer = v; return this; }

        public RuleDraft build() {
            return new RuleDraft(name, trigger, priority, group, activeFrom, activeUntil,
                    new Conditions(network, store, minAmount, channel, segment, minInfluence, minTier, eventFrom,
                            eventUntil, hashtag, referralRole, minReferrals),
                    new Reward(effect, points, multiplier, perk, rewardId),
                    new Limits(limitPeriod, limitCount, budget, oncePerCustomer));
        }
    }
}
