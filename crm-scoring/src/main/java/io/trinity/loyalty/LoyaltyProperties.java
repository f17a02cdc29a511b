package io.trinity.loyalty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Loyalty programme settings.
 *
 * @param expiryMonths     earned points expire this many months after the event that earned them (0: never)
 * @param tierWindowMonths tiers count the points earned in this many months
 * @param schedule         cron (UTC) of the daily pass: expiry, tiers as the window rolls, birthdays ("-" off)
 */
@ConfigurationProperties("crm.loyalty")
public record LoyaltyProperties(@DefaultValue("12") int expiryMonths, @DefaultValue("12") int tierWindowMonths,
        @DefaultValue("0 30 2 * * *") String schedule) {

    public LoyaltyProperties {
        if (expiryMonths < 0 || tierWindowMonths < 1) {
            throw new IllegalArgumentException("crm.loyalty: expiry-months must be >= 0 and tier-window-months >= 1");
        }
    }
}
