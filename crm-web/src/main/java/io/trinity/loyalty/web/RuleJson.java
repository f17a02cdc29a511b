package io.trinity.loyalty.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trinity.loyalty.RewardRule;
import io.trinity.loyalty.RuleDraft;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The JSON shape of a reward rule, in and out. Unknown fields are refused. */
final class RuleJson {

    private RuleJson() {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Conditions(@Nullable String network, @Nullable String store, @Nullable BigDecimal minAmount,
            @Nullable String channel, @Nullable String segment, @Nullable Double minInfluence,
            @Nullable String minTier, @Nullable String eventFrom, @Nullable String eventUntil,
            @Nullable String hashtag, @Nullable String referralRole, @Nullable Integer minReferrals) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Effect(@Nullable String kind, @Nullable Long points, @Nullable BigDecimal multiplier,
            @Nullable String perk, @Nullable Long rewardId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Limits(@Nullable String period, @Nullable Integer count, @Nullable Long budget,
            @Nullable Boolean oncePerCustomer) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Request(@Nullable String name, @Nullable String trigger, @Nullable Integer priority, @Nullable String group,
            @Nullable String activeFrom, @Nullable String activeUntil, @Nullable Conditions conditions,
            @Nullable Effect effect, @Nullable Limits limits) {

        RuleDraft draft() {
            Conditions c = conditions == null ? new Conditions(null, null, null, null, null, null, null, null, null,
                    null, null, null) : conditions;
            Effect e = effect == null ? new Effect(null, null, null, null, null) : effect;
            Limits l = limits == null ? new Limits(null, null, null, null) : limits;
            return new RuleDraft(name, trigger, str(priority), group, activeFrom, activeUntil,
                    new RuleDraft.Conditions(c.network(), c.store(),
                            c.minAmount() == null ? null : c.minAmount().toString(), c.channel(), c.segment(),
                            str(c.minInfluence()), c.minTier(), c.eventFrom(), c.eventUntil(), c.hashtag(),
                            c.referralRole(), str(c.minReferrals())),
                    new RuleDraft.Reward(e.kind(), str(e.points()),
                            e.multiplier() == null ? null : e.multiplier().toString(), e.perk(), str(e.rewardId())),
                    new RuleDraft.Limits(l.period(), str(l.count()), str(l.budget()), l.oncePerCustomer()));
        }

        private static @Nullable String str(@Nullable Object value) {
            return value == null ? null : value.toString();
        }
    }

    record ConditionsOut(@Nullable String network, @Nullable String store, @Nullable BigDecimal minAmount,
            @Nullable String channel, @Nullable String segment, @Nullable Double minInfluence,
            @Nullable String minTier, @Nullable LocalDate eventFrom, @Nullable LocalDate eventUntil,
            @Nullable String hashtag, @Nullable String referralRole, @Nullable Integer minReferrals) {
    }

    record Response(long id, int version, String status, String name, String trigger, int priority,
            @Nullable String group, @Nullable Instant activeFrom, @Nullable Instant activeUntil,
            ConditionsOut conditions, Effect effect, Limits limits, String summary) {

        static Response of(RewardRule r, int fractionDigits, String currency) {
            RewardRule.Conditions c = r.conditions();
            RewardRule.Effect e = r.effect();
            RewardRule.Limits l = r.limits();
            return new Response(r.id(), r.version(), r.status().name(), r.name(), r.trigger().name(), r.priority(),
                    r.group(), r.activeFrom(), r.activeUntil(),
                    new ConditionsOut(c.network(), c.store(),
                            c.minAmountMinor() == null ? null : BigDecimal.valueOf(c.minAmountMinor(), fractionDigits),
                            c.channel(), c.segment(), c.minInfluence(), c.minTier(), c.eventFrom(), c.eventUntil(),
                            c.hashtag(), c.referralRole() == null ? null : c.referralRole().name(), c.minReferrals()),
                    new Effect(e.kind().name(), e.points(), e.multiplier(), e.perk(), e.rewardId()),
                    new Limits(l.period() == null ? null : l.period().name(), l.count(), l.budget(),
                            l.oncePerCustomer()),
                    RuleJson.summary(r, currency));
        }
    }

    /** "When a purchase (at store ST-SEA): 1 points per currency unit; once per customer". */
    static String summary(RewardRule r, String currency) {
        var conditions = r.conditions().describe(currency);
        return "When " + r.trigger().label() + (conditions.isEmpty() ? "" : " (" + String.join(", ", conditions) + ")")
                + ": " + r.effect().describe() + "; " + r.limits().describe()
                + (r.group() == null ? "" : "; first match in group \"" + r.group() + "\"");
    }
}
