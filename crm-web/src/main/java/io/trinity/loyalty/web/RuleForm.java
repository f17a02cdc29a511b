package io.trinity.loyalty.web;

import io.trinity.api.FormErrors;
import io.trinity.loyalty.RuleDraft;
import io.trinity.shared.FieldError;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

/**
 * The rule editor's form: one flat field per input, all text, so whatever was typed comes back after an error.
 * The rules themselves are checked where they live ({@code RuleValidator}); their errors land on these fields.
 */
record RuleForm(@Nullable String name, @Nullable String trigger, @Nullable String priority, @Nullable String group,
        @Nullable String activeFrom, @Nullable String activeUntil, @Nullable String network, @Nullable String store,
        @Nullable String minAmount, @Nullable String channel, @Nullable String segment,
        @Nullable String minInfluence, @Nullable String minTier, @Nullable String eventFrom,
        @Nullable String eventUntil, @Nullable String hashtag, @Nullable String referralRole,
        @Nullable String minReferrals, @Nullable String effect, @Nullable String points,
        @Nullable String multiplier, @Nullable String perk, @Nullable String rewardId, @Nullable String limitPeriod,
        @Nullable String limitCount, @Nullable String budget, @Nullable Boolean oncePerCustomer) {

    /** The validator's field paths (the API's JSON paths) that are not simply this form's field names. */
    private static final Map<String, String> FIELD_OF = Map.ofEntries(Map.entry("effect.kind", "effect"),
            Map.entry("effect.points", "points"), Map.entry("effect.multiplier", "multiplier"),
            Map.entry("effect.perk", "perk"), Map.entry("effect.rewardId", "rewardId"),
            Map.entry("limits.period", "limitPeriod"), Map.entry("limits.count", "limitCount"),
            Map.entry("limits.budget", "budget"), Map.entry("limits.oncePerCustomer", "oncePerCustomer"));

    static RuleForm of(RuleDraft d) {
        return new RuleForm(d.name(), d.trigger(), d.priority(), d.group(), d.activeFrom(), d.activeUntil(),
                d.network(), d.store(), d.minAmount(), d.channel(), d.segment(), d.minInfluence(), d.minTier(),
                d.eventFrom(), d.eventUntil(), d.hashtag(), d.referralRole(), d.minReferrals(), d.effect(),
                d.points(), d.multiplier(), d.perk(), d.rewardId(), d.limitPeriod(), d.limitCount(), d.budget(),
                d.oncePerCustomer());
    }

    RuleDraft draft() {
        return RuleDraft.builder().name(name).trigger(trigger).priority(priority).group(group)
                .activeFrom(activeFrom).activeUntil(activeUntil).network(network).store(store).minAmount(minAmount)
                .channel(channel).segment(segment).minInfluence(minInfluence).minTier(minTier).eventFrom(eventFrom)
                .eventUntil(eventUntil).hashtag(hashtag).referralRole(referralRole).minReferrals(minReferrals)
                .effect(effect).points(points).multiplier(multiplier).perk(perk).rewardId(rewardId)
                .limitPeriod(limitPeriod).limitCount(limitCount).budget(budget).oncePerCustomer(oncePerCustomer)
                .build();
    }

    /** Puts the validator's errors next to their fields; one that belongs to no field is a global error. */
    static void reject(BindingResult result, List<FieldError> errors) {
        Map<String, String> fieldOf = new java.util.HashMap<>(FIELD_OF);
        errors.stream().map(FieldError::field).filter(f -> f.startsWith("conditions."))
                .forEach(f -> fieldOf.put(f, f.substring("conditions.".length())));
        FormErrors.reject(result, errors, fieldOf);
    }
}
