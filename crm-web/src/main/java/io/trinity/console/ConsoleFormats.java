package io.trinity.console;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Money as the reader's language writes it (Java's CLDR data: "$1,234.50", "1.234,50 $", "US$ 1 234,50"), for
 * templates: {@code ${@consoleFormats.money(minor, currency, #locale)}}.
 */
@Component("consoleFormats")
public class ConsoleFormats {

    /** The sync schedules people choose from, as ISO-8601 durations (what the connectors store). */
    public static final java.util.List<String> SCHEDULES = java.util.List.of("PT15M", "PT1H", "PT6H", "PT24H");

    /** A schedule as people say it: "every hour", "every 6 hours", "every day"; other durations as written. */
    public String every(String iso) {
        try {
            java.time.Duration d = java.time.Duration.parse(iso);
            long minutes = d.toMinutes();
            if (minutes % 1440 == 0) {
                return minutes == 1440 ? "every day" : "every " + minutes / 1440 + " days";
            }
            if (minutes % 60 == 0) {
                return minutes == 60 ? "every hour" : "every " + minutes / 60 + " hours";
            }
            return minutes == 1 ? "every minute" : "every " + minutes + " minutes";
        } catch (java.time.format.DateTimeParseException e) {
            return "every " + iso;
        }
    }

    /** An amount in minor units (cents) of an ISO 4217 currency, in the reader's locale. */
    public String money(long minor, String currencyCode, Locale locale) {
        Currency currency = Currency.getInstance(currencyCode);
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(minor, digits));
    }
}
