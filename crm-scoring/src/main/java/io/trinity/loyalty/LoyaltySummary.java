package io.trinity.loyalty;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A member at a glance: balance, tier and how far the next one is, perks, recent entries, referrals. */
public record LoyaltySummary(long customerId, long balance, Tier tier, Instant tierSince, long earnedInWindow,
        @Nullable Tier nextTier, long pointsToNextTier, List<Perk> perks, List<LedgerEntry> recent,
        @Nullable String referralCode, long referralsConverted, List<Redemption> redemptions) {

    /** A reward a member redeemed or a rule issued. */
    public record Redemption(long id, long rewardId, String rewardName, String kind, long points,
            @Nullable String code, @Nullable String ruleName, String createdBy, Instant createdAt) {
    }
}
