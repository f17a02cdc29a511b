package io.trinity.loyalty;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of a member's points ledger, with the rule version or the person behind it. */
public record LedgerEntry(long id, long customerId, String kind, long points, @Nullable String sourceKey,
        @Nullable Long ruleId, @Nullable Integer ruleVersion, @Nullable String ruleName, String actor,
        @Nullable String reason, Instant occurredAt, @Nullable Instant expiresAt, Instant createdAt,
        @Nullable Long reversesId) {
}
