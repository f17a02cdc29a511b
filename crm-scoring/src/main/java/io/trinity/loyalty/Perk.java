package io.trinity.loyalty;

import java.time.Instant;

/** A perk a rule granted a customer (e.g. "Room upgrade"), shown to service agents on the profile. */
public record Perk(String perk, long ruleId, int ruleVersion, String ruleName, Instant grantedAt) {
}
