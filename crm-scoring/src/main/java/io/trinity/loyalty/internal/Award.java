package io.trinity.loyalty.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What one rule version gave for one event: points, a perk or a reward. */
public record Award(long ruleId, int ruleVersion, String ruleName, long customerId, String sourceKey,
        Instant occurredAt, long points, @Nullable String perk, @Nullable Long rewardId) {
}
