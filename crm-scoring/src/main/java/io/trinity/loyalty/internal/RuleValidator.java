package io.trinity.loyalty.internal;

import io.trinity.loyalty.EffectKind;
import io.trinity.loyalty.LimitPeriod;
import io.trinity.loyalty.ReferralRole;
import io.trinity.loyalty.RuleStatus;
import io.trinity.loyalty.RewardRule;
import io.trinity.loyalty.RuleDraft;
import io.trinity.loyalty.Trigger;
import io.trinity.identity.Networks;
import io.trinity.order.Channel;
import io.trinity.shared.FieldError;
import io.trinity.shared.TextRules;
import io.trinity.shared.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link RuleDraft} into a rule version or says, field by field, why not. Conditions that cannot apply to
 * the chosen trigger (a minimum order amount on a share) are refused rather than silently ignored.
 */
public final class RuleValidator {

    static final Set<Trigger> SOCIAL = EnumSet.of(Trigger.SHARE, Trigger.POST_MENTIONING_BRAND, Trigger.COMMENT,
            Trigger.CHECKIN, Trigger.REVIEW, Trigger.IDENTITY_LINKED);
    static final Set<Trigger> TEXT = EnumSet.of(Trigger.SHARE, Trigger.POST_MENTIONING_BRAND, Trigger.COMMENT,
            Trigger.REVIEW);

    private RuleValidator() {
    }

    /**
     * @param fractionDigits decimals of the base currency, for the minimum order amount
     * @param tierCodes      the tiers that exist
     * @param segments       the value segments that exist (any name is accepted when empty)
     */
    public static @Nullable RewardRule clean(RuleDraft d, int fractionDigits, Collection<String> tierCodes,
            Collection<String> segments, List<FieldError> errors) {
        int before = errors.size();
        String name = text(d.name(), "name", 120, errors);
        if (name == null && errors.size() == before) {
            errors.add(new FieldError("name", "is required"));
        }
        Trigger trigger = enumValue(d.trigger(), "trigger", Trigger.class, errors);
        if (trigger == null && blank(d.trigger())) {
            errors.add(new FieldError("trigger", "is required"));
        }
        Integer priority = integer(d.priority(), "priority", 0, 1000, errors);
        String group = text(d.group(), "group", 60, errors);
        Instant from = instant(d.activeFrom(), "activeFrom", errors);
        Instant until = instant(d.activeUntil(), "activeUntil", errors);
        if (from != null && until != null && !until.isAfter(from)) {
            errors.add(new FieldError("activeUntil", "must be after activeFrom"));
        }

        String network = null;
        if (!blank(d.network())) {
            try {
                network = Networks.normalise(d.network());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("conditions.network", e.getMessage()));
            }
        }
        String store = text(d.store(), "conditions.store", 40, errors);
        Long minAmount = null;
        if (!blank(d.minAmount())) {
            try {
                BigDecimal value = Decimals.parse(d.minAmount(), 9, fractionDigits);
                if (value.signum() <= 0) {
                    errors.add(new FieldError("conditions.minAmount", "must be a positive amount"));
                } else {
                    minAmount = value.movePointRight(fractionDigits).longValueExact();
                }
            } catch (IllegalArgumentException | ArithmeticException e) {
                errors.add(new FieldError("conditions.minAmount", e.getMessage() + " (give an amount such as 50.00)"));
            }
        }
        String channel = null;
        if (!blank(d.channel())) {
            try {
                channel = Channel.parse(d.channel()).code();
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("conditions.channel", e.getMessage()));
            }
        }
        String segment = text(d.segment(), "conditions.segment", 60, errors);
        if (segment != null && !segments.isEmpty()) {
            String match = segments.stream().filter(s -> s.equalsIgnoreCase(segment)).findFirst().orElse(null);
            if (match == null) {
                errors.add(new FieldError("conditions.segment", "'" + shorten(segment) + "' is not a segment ("
                        + String.join(", ", segments) + ")"));
            }
        }
        Double minInfluence = null;
        if (!blank(d.minInfluence())) {
            try {
                minInfluence = Decimals.parseDouble(d.minInfluence(), 0, 100);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("conditions.minInfluence", e.getMessage() + " (a number between 0 and 100)"));
            }
        }
        String minTier = null;
        if (!blank(d.minTier())) {
            String code = d.minTier().strip().toUpperCase(Locale.ROOT);
            if (tierCodes.contains(code)) {
                minTier = code;
            } else {
                errors.add(new FieldError("conditions.minTier", "'" + shorten(d.minTier()) + "' is not a tier ("
                        + String.join(", ", tierCodes) + ")"));
            }
        }
        LocalDate eventFrom = date(d.eventFrom(), "conditions.eventFrom", errors);
        LocalDate eventUntil = date(d.eventUntil(), "conditions.eventUntil", errors);
        if (eventFrom != null && eventUntil != null && eventUntil.isBefore(eventFrom)) {
            errors.add(new FieldError("conditions.eventUntil", "must not be before eventFrom"));
        }
        String hashtag = null;
        if (!blank(d.hashtag())) {
            String tag = d.hashtag().strip();
            tag = tag.startsWith("#") ? tag.substring(1) : tag;
            if (!tag.matches("[\\p{L}\\p{N}_]{1,60}")) {
                errors.add(new FieldError("conditions.hashtag", "must be one hashtag of letters, digits or _"));
            } else {
                hashtag = tag;
            }
        }
        ReferralRole role = enumValue(d.referralRole(), "conditions.referralRole", ReferralRole.class, errors);
        Integer minReferrals = integer(d.minReferrals(), "conditions.minReferrals", 1, 1000, errors);

        if (trigger != null) {
            if (trigger != Trigger.PURCHASE) {
                refuse(minAmount != null, "conditions.minAmount", "only applies to purchases", errors);
                refuse(channel != null, "conditions.channel", "only applies to purchases", errors);
            }
            refuse(store != null && trigger != Trigger.PURCHASE && trigger != Trigger.CHECKIN, "conditions.store",
                    "only applies to purchases and check-ins", errors);
            refuse(network != null && !SOCIAL.contains(trigger), "conditions.network",
                    "only applies to social triggers and linked accounts", errors);
            refuse(hashtag != null && !TEXT.contains(trigger), "conditions.hashtag",
                    "only applies to shares, posts, comments and reviews", errors);
            refuse((role != null || minReferrals != null) && trigger != Trigger.REFERRAL_CONVERTED,
                    role != null ? "conditions.referralRole" : "conditions.minReferrals",
                    "only applies to converted referrals", errors);
        }

        EffectKind kind = enumValue(d.effect(), "effect.kind", EffectKind.class, errors);
        if (kind == null && blank(d.effect())) {
            errors.add(new FieldError("effect.kind", "is required"));
        }
        Long points = null;
        BigDecimal multiplier = null;
        String perk = null;
        Long rewardId = null;
        if (kind != null) {
            switch (kind) {
                case FIXED_POINTS -> points = required(longValue(d.points(), "effect.points", 1, 1_000_000, errors),
                        d.points(), "effect.points", errors);
                case POINTS_PER_UNIT -> {
                    points = required(longValue(d.points(), "effect.points", 1, 1000, errors), d.points(),
                            "effect.points", errors);
                    refuse(trigger != null && trigger != Trigger.PURCHASE, "effect.kind",
                            "points per currency unit only apply to purchases", errors);
                }
                case MULTIPLIER -> {
                    if (blank(d.multiplier())) {
                        errors.add(new FieldError("effect.multiplier", "is required"));
                    } else {
                        try {
                            multiplier = Decimals.parse(d.multiplier(), 2, 2);
                            if (multiplier.compareTo(BigDecimal.ONE) <= 0 || multiplier.compareTo(BigDecimal.TEN) > 0) {
                                errors.add(new FieldError("effect.multiplier",
                                        "must be above 1 and at most 10, two decimals at most"));
                                multiplier = null;
                            }
                        } catch (IllegalArgumentException e) {
                            errors.add(new FieldError("effect.multiplier", e.getMessage()
                                    + " (above 1 and at most 10, two decimals at most, e.g. 2 or 1.5)"));
                        }
                    }
                }
                case GRANT_PERK -> {
                    perk = text(d.perk(), "effect.perk", 80, errors);
                    if (perk == null && blank(d.perk())) {
                        errors.add(new FieldError("effect.perk", "is required: name the perk (e.g. Room upgrade)"));
                    }
                }
                case ISSUE_REWARD -> rewardId = required(longValue(d.rewardId(), "effect.rewardId", 1,
                        Long.MAX_VALUE, errors), d.rewardId(), "effect.rewardId", errors);
            }
        }
        LimitPeriod period = enumValue(d.limitPeriod(), "limits.period", LimitPeriod.class, errors);
        Integer count = integer(d.limitCount(), "limits.count", 1, 1000, errors);
        if ((period == null) != (count == null) && errors.stream().noneMatch(e -> e.field().startsWith("limits."))) {
            errors.add(new FieldError(period == null ? "limits.period" : "limits.count",
                    "a per-customer limit needs both a period and a count"));
        }
        Long budget = longValue(d.budget(), "limits.budget", 1, Long.MAX_VALUE / 4, errors);
        boolean once = Boolean.TRUE.equals(d.oncePerCustomer());

        if (errors.size() > before) {
            return null;
        }
        return new RewardRule(0, 0, name, trigger, RuleStatus.DRAFT, priority == null ? 100 : priority, group, from,
                until, new RewardRule.Conditions(network, store, minAmount, channel,
                        segment == null ? null : segments.stream().filter(s -> s.equalsIgnoreCase(segment))
                                .findFirst().orElse(segment),
                        minInfluence, minTier, eventFrom, eventUntil, hashtag, role, minReferrals),
                new RewardRule.Effect(kind, points, multiplier, perk, rewardId),
                new RewardRule.Limits(period, count, budget, once));
    }

    private static void refuse(boolean condition, String field, String message, List<FieldError> errors) {
        if (condition) {
            errors.add(new FieldError(field, message));
        }
    }

    private static <T> @Nullable T required(@Nullable T value, @Nullable String raw, String field,
            List<FieldError> errors) {
        if (value == null && blank(raw)) {
            errors.add(new FieldError(field, "is required"));
        }
        return value;
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static @Nullable String text(@Nullable String value, String field, int max, List<FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        if (!TextRules.isStorable(v, false)) {
            errors.add(new FieldError(field, "contains control characters"));
            return null;
        }
        return v;
    }

    private static @Nullable Integer integer(@Nullable String value, String field, int min, int max,
            List<FieldError> errors) {
        Long v = longValue(value, field, min, max, errors);
        return v == null ? null : v.intValue();
    }

    private static @Nullable Long longValue(@Nullable String value, String field, long min, long max,
            List<FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            long v = Long.parseLong(value.strip());
            if (v < min || v > max) {
                errors.add(new FieldError(field, max == Long.MAX_VALUE || max >= Long.MAX_VALUE / 4
                        ? "must be at least " + min : "must be between " + min + " and " + max));
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "'" + shorten(value) + "' is not a whole number"));
            return null;
        }
    }

    private static <E extends Enum<E>> @Nullable E enumValue(@Nullable String value, String field, Class<E> type,
            List<FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "'" + shorten(value) + "' is not one of " + Arrays.stream(
                    type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
            return null;
        }
    }

    private static @Nullable Instant instant(@Nullable String value, String field, List<FieldError> errors) {
        return parse(value, field, errors, v -> v.length() == 10
                ? LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC) : OffsetDateTime.parse(v).toInstant(),
                "is not a date (2026-12-01) or a timestamp with offset (2026-12-01T00:00:00Z)");
    }

    private static @Nullable LocalDate date(@Nullable String value, String field, List<FieldError> errors) {
        return parse(value, field, errors, LocalDate::parse, "is not a date (e.g. 2026-12-01)");
    }

    private static <T> @Nullable T parse(@Nullable String value, String field, List<FieldError> errors,
            Function<String, T> parser, String message) {
        if (blank(value)) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "'" + shorten(value) + "' " + message));
            return null;
        }
    }

    private static String shorten(String value) {
        String v = value.strip();
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
