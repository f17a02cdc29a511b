package io.trinity.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One version of a reward rule, as an admin wrote it: what triggers it, the conditions an event and its customer
 * must meet, what it gives, and how often. Immutable: an edit is a new version, and every ledger entry names the
 * version that produced it.
 *
 * @param priority lower runs first; within a {@code group} only the first rule that awards applies, rules without a
 *                 group all apply
 */
public record RewardRule(long id, int version, String name, Trigger trigger, RuleStatus status, int priority,
        @Nullable String group, @Nullable Instant activeFrom, @Nullable Instant activeUntil, Conditions conditions,
        Effect effect, Limits limits) {

    /** Every condition is optional; a set condition that the event cannot answer (no store on a share) fails. */
    public record Conditions(@Nullable String network, @Nullable String store, @Nullable Long minAmountMinor,
            @Nullable String channel, @Nullable String segment, @Nullable Double minInfluence,
            @Nullable String minTier, @Nullable LocalDate eventFrom, @Nullable LocalDate eventUntil,
            @Nullable String hashtag, @Nullable ReferralRole referralRole, @Nullable Integer minReferrals) {

        public static final Conditions NONE = new Conditions(null, null, null, null, null, null, null, null, null,
                null, null, null);

        /** The conditions in words, for the console and the preview. */
        public List<String> describe(String currency) {
            List<String> parts = new ArrayList<>();
            if (network != null) {
                parts.add("on " + network);
            }
            if (store != null) {
                parts.add("at store " + store);
            }
            if (minAmountMinor != null) {
                parts.add("order at least " + BigDecimal.valueOf(minAmountMinor, 2).toPlainString() + " " + currency);
            }
            if (channel != null) {
                parts.add("channel " + channel);
            }
            if (segment != null) {
                parts.add("segment " + segment);
            }
            if (minInfluence != null) {
                parts.add("influence at least " + BigDecimal.valueOf(minInfluence).stripTrailingZeros().toPlainString());
            }
            if (minTier != null) {
                parts.add("tier " + minTier + " or higher");
            }
            if (eventFrom != null || eventUntil != null) {
                parts.add("between " + (eventFrom == null ? "any date" : eventFrom) + " and "
                        + (eventUntil == null ? "any date" : eventUntil));
            }
            if (hashtag != null) {
                parts.add("text has #" + hashtag);
            }
            if (referralRole != null) {
                parts.add("for the " + referralRole.name().toLowerCase(Locale.ROOT));
            }
            if (minReferrals != null) {
                parts.add("at " + minReferrals + "+ converted referrals");
            }
            return parts;
        }
    }

    /** What the rule gives; which fields are set depends on {@code kind}. */
    public record Effect(EffectKind kind, @Nullable Long points, @Nullable BigDecimal multiplier,
            @Nullable String perk, @Nullable Long rewardId) {

        public String describe() {
            return switch (kind) {
                case FIXED_POINTS -> points + " points";
                case POINTS_PER_UNIT -> points + " points per currency unit";
                case MULTIPLIER -> "× " + (multiplier == null ? "?" : multiplier.stripTrailingZeros().toPlainString())
                        + " the event's other points";
                case GRANT_PERK -> "perk \"" + perk + "\"";
                case ISSUE_REWARD -> "reward #" + rewardId;
            };
        }
    }

    /** How often a rule may award; all optional. */
    public record Limits(@Nullable LimitPeriod period, @Nullable Integer count, @Nullable Long budget,
            boolean oncePerCustomer) {

        public static final Limits NONE = new Limits(null, null, null, false);

        public String describe() {
            List<String> parts = new ArrayList<>();
            if (oncePerCustomer) {
                parts.add("once per customer");
            }
            if (period != null && count != null) {
                parts.add("at most " + count + " per customer per " + period.name().toLowerCase(Locale.ROOT));
            }
            if (budget != null) {
                parts.add("budget " + budget + " points in all");
            }
            return parts.isEmpty() ? "no limit" : String.join(", ", parts);
        }
    }

    /** Whether the rule is in force at {@code now}: active status and inside its active window. */
    public boolean inForce(Instant now) {
        return status == RuleStatus.ACTIVE && (activeFrom == null || !now.isBefore(activeFrom))
                && (activeUntil == null || now.isBefore(activeUntil));
    }
}
