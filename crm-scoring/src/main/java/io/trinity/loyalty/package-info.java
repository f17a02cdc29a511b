/**
 * The loyalty programme: versioned reward rules, the append-only ledger, tiers, rewards, referrals, perks and the
 * daily pass. Owns the loyalty_* tables, reward*, redemption, referral*, customer_perk; publishes
 * loyalty_members, loyalty_points and reward_rule_names; listens to orders, activities, links, customers and
 * ScoringRunSucceeded. Lives in crm-scoring.
 */
@ApplicationModule(displayName = "Loyalty")
@NullMarked
package io.trinity.loyalty;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
