package io.trinity.loyalty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Loyalty programme settings.
 *
 * @param expiryMonths     earned points expire this many months after the event that earned them (0: never)
 * @param tierWindowMonths tiers count the points earned in this many months
 * @param schedule         cron (UTC) of the daily pass: expiry, tiers as the window rolls, birthdays ("-" off)
 * @param pointValueMinor  what one point is worth in minor units of the base currency (1: 100 points = 1.00), for
 *                         the programme's liability
 */
@ConfigurationProperties("crm.loyalty")
public record LoyaltyProperties(@DefaultValue("12") int expiryMonths, @DefaultValue("12") int tierWindowMonths,
        @DefaultValue("0 30 2 * * *") String schedule, @DefaultValue("1") double pointValueMinor) {

    public LoyaltyProperties {
        if (expiryMonths < 0 || tierWindowMonths < 1) {
            throw new IllegalArgumentException("crm.loyalty: expiry-months must be >= 0 and tier-window-months >= 1");
        }
        if (!(pointValueMinor >= 0) || Double.isInfinite(pointValueMinor)) {
            throw new IllegalArgumentException("crm.loyalty: point-value-minor must be a number >= 0");
        }
    }
}
