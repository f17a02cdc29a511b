package io.trinity.loyalty.internal;

import io.trinity.loyalty.LimitPeriod;
import io.trinity.loyalty.RewardRule;
import io.trinity.loyalty.Trigger;
import io.trinity.loyalty.RuleDraft;
import static org.assertj.core.api.Assertions.assertThat;

import io.trinity.shared.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleValidatorTests {

    static final List<String> TIERS = List.of("BASE", "SILVER", "GOLD", "SUMMIT");
    static final List<String> SEGMENTS = List.of("Champions", "Dormant");

    static RuleDraft draft(String trigger, String effect, String points) {
        return RuleDraft.builder().name("Points").trigger(trigger).effect(effect).points(points).build();
    }

    static List<String> errors(RuleDraft d) {
        List<FieldError> errors = new ArrayList<>();
        RuleValidator.clean(d, 2, TIERS, SEGMENTS, errors);
        return errors.stream().map(e -> e.field() + ": " + e.message()).toList();
    }

    @Test
    void aValidDraftBecomesARule() {
        List<FieldError> errors = new ArrayList<>();
        RuleDraft d = RuleDraft.builder().name(" Store purchase ").trigger("purchase").priority("5").group("base")
                .activeUntil("2027-01-01").store("ST-SEA").minAmount("50.00").channel("store").segment("champions")
                .minTier("silver").effect("points_per_unit").points("2").limitPeriod("DAY").limitCount("3")
                .budget("10000").oncePerCustomer(true).build();
        RewardRule rule = RuleValidator.clean(d, 2, TIERS, SEGMENTS, errors);
        assertThat(errors).isEmpty();
        assertThat(rule.name()).isEqualTo("Store purchase");
        assertThat(rule.trigger()).isEqualTo(Trigger.PURCHASE);
        assertThat(rule.conditions().minAmountMinor()).isEqualTo(5000);
        assertThat(rule.conditions().segment()).isEqualTo("Champions");
        assertThat(rule.conditions().minTier()).isEqualTo("SILVER");
        assertThat(rule.limits().period()).isEqualTo(LimitPeriod.DAY);
        assertThat(rule.limits().oncePerCustomer()).isTrue();
        assertThat(RuleDraft.of(rule, 2).minAmount()).isEqualTo("50.00");
    }

    @Test
    void missingAndMalformedFieldsAreNamed() {
        assertThat(errors(RuleDraft.builder().priority("x").activeFrom("yesterday").minInfluence("200")
                .minTier("PLATINUM").hashtag("#two words").effect("teleport").limitPeriod("DAY").budget("-1").build()
                ))
                .anyMatch(e -> e.startsWith("name: is required"))
                .anyMatch(e -> e.startsWith("trigger: is required"))
                .anyMatch(e -> e.startsWith("priority: 'x' is not a whole number"))
                .anyMatch(e -> e.startsWith("activeFrom:"))
                .anyMatch(e -> e.startsWith("conditions.minInfluence: must be between 0 and 100"))
                .anyMatch(e -> e.startsWith("conditions.minTier: 'PLATINUM' is not a tier"))
                .anyMatch(e -> e.startsWith("conditions.hashtag:"))
                .anyMatch(e -> e.startsWith("effect.kind: 'teleport' is not one of"))
                .anyMatch(e -> e.startsWith("limits.count: a per-customer limit needs both"))
                .anyMatch(e -> e.startsWith("limits.budget: must be at least 1"));
    }

    @Test
    void conditionsThatCannotApplyToTheTriggerAreRefused() {
        RuleDraft share = RuleDraft.builder().name("Share").trigger("SHARE").minAmount("10").channel("web")
                .referralRole("REFERRER").effect("POINTS_PER_UNIT").points("1").build();
        assertThat(errors(share)).contains("conditions.minAmount: only applies to purchases",
                "conditions.channel: only applies to purchases",
                "conditions.referralRole: only applies to converted referrals",
                "effect.kind: points per currency unit only apply to purchases");
        assertThat(errors(draft("PURCHASE", "FIXED_POINTS", null))).contains("effect.points: is required");
        assertThat(errors(draft("PURCHASE", "MULTIPLIER", null))).contains("effect.multiplier: is required");
        assertThat(errors(draft("PURCHASE", "GRANT_PERK", null)))
                .anyMatch(e -> e.startsWith("effect.perk: is required"));
        assertThat(errors(draft("PURCHASE", "FIXED_POINTS", "0"))).anyMatch(e -> e.startsWith("effect.points: must be"));
    }
}
