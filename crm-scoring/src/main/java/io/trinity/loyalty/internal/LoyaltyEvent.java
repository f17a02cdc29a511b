package io.trinity.loyalty.internal;

import io.trinity.loyalty.ReferralRole;
import io.trinity.loyalty.Trigger;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Something a customer did that rules may reward, keyed by its source (e.g. {@code order:NW-1},
 * {@code activity:x:123}) so that the same event delivered twice is evaluated once.
 *
 * @param amountMinor   a purchase's amount in minor units of the base currency (null when it has no rate)
 * @param referralCount for a referral event, the referrer's converted referrals including this one
 * @param segment       for a segment entry, the segment entered
 */
public record LoyaltyEvent(String sourceKey, Trigger trigger, long customerId, Instant occurredAt,
        @Nullable String network, @Nullable String storeId, @Nullable Long amountMinor, @Nullable String channel,
        @Nullable String text, @Nullable ReferralRole referralRole, @Nullable Integer referralCount,
        @Nullable String segment) {

    public static LoyaltyEvent purchase(String sourceKey, long customerId, Instant at, @Nullable Long amountMinor,
            @Nullable String channel, @Nullable String storeId) {
        return new LoyaltyEvent(sourceKey, Trigger.PURCHASE, customerId, at, null, storeId, amountMinor, channel,
                null, null, null, null);
    }

    public static LoyaltyEvent social(String sourceKey, Trigger trigger, long customerId, Instant at,
            @Nullable String network, @Nullable String storeId, @Nullable String text) {
        return new LoyaltyEvent(sourceKey, trigger, customerId, at, network, storeId, null, null, text, null, null,
                null);
    }

    public static LoyaltyEvent referral(String sourceKey, long customerId, Instant at, ReferralRole role,
            int referralCount) {
        return new LoyaltyEvent(sourceKey, Trigger.REFERRAL_CONVERTED, customerId, at, null, null, null, null, null,
                role, referralCount, null);
    }

    public static LoyaltyEvent simple(String sourceKey, Trigger trigger, long customerId, Instant at,
            @Nullable String network, @Nullable String segment) {
        return new LoyaltyEvent(sourceKey, trigger, customerId, at, network, null, null, null, null, null, null,
                segment);
    }
}
