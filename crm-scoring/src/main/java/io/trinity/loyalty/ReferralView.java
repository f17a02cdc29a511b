package io.trinity.loyalty;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A referral: who brought whom, and when the referred customer's first purchase converted it. */
public record ReferralView(long id, long referrerId, long referredId, Instant createdAt,
        @Nullable Instant convertedAt) {
}
