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
