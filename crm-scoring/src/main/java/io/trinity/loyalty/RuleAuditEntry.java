package io.trinity.loyalty;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One change to a rule: who created, edited, activated or retired which version, and when. */
public record RuleAuditEntry(long id, long ruleId, int version, String ruleName, String action, String actor,
        @Nullable String detail, Instant at) {
}
