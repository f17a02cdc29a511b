/** The loyalty programme's API and console: rules, rewards, tiers, members' ledgers, referrals. */
@NullMarked
package io.trinity.loyalty.web;

import org.jspecify.annotations.NullMarked;
