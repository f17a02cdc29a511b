/** The loyalty programme's API and console: rules, rewards, tiers, members' ledgers, referrals. */
@NullMarked
package io.trinity.web.loyalty;

import org.jspecify.annotations.NullMarked;
