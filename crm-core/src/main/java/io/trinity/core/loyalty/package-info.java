/**
 * Loyalty: reward rules that tie purchases to social activity, an append-only points ledger, tiers by points
 * earned, a rewards catalogue, perks and referrals. The rule maths ({@link io.trinity.core.loyalty.RuleEngine}) is
 * plain Java; Spring and SQL sit at the edges.
 */
@NullMarked
package io.trinity.core.loyalty;

import org.jspecify.annotations.NullMarked;
