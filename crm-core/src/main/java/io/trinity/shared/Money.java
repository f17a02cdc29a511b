package io.trinity.shared;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An amount in minor units of an ISO 4217 currency. Parsing refuses more decimals than the currency has
 * (12.345 USD), unknown codes and absurd magnitudes, so floating-point money never enters the system.
 */
public record Money(long minor, Currency currency) {

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000"); // one trillion major units
    private static final int MAX_INTEGER_DIGITS = 12;
    private static final Set<String> NOT_MONEY = Set.of("XXX", "XTS", "XAU", "XAG", "XPD", "XPT", "XDR", "XBA",
            "XBB", "XBC", "XBD", "XSU", "XUA");

    public Money {
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("not a money currency: " + currency);
        }
    }

    /** Parses a currency code, refusing anything that is not a real ISO 4217 money currency. */
    public static Currency currency(String code) {
        if (!CODE.matcher(code).matches() || NOT_MONEY.contains(code)) {
            throw new IllegalArgumentException("unknown currency '" + code + "' (use an ISO 4217 code such as USD)");
        }
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() < 0) {
                throw new IllegalArgumentException("unknown currency '" + code + "'");
            }
            return currency;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown currency '" + code + "' (use an ISO 4217 code such as USD)");
        }
    }

    /**
     * Parses a decimal amount in major units ("129.95", "1.2995e2") in the given currency. Size is checked on the
     * written form before any arithmetic, so "1e10000000" is refused at once instead of being expanded.
     */
    public static Money parse(String amount, String currencyCode) {
        Currency currency = currency(currencyCode.trim().toUpperCase(Locale.ROOT));
        int digits = currency.getDefaultFractionDigits();
        BigDecimal value;
        try {
            value = Decimals.parse(amount, MAX_INTEGER_DIGITS, digits);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("amount " + e.getMessage()
                    + (e.getMessage().contains("decimals") ? " for " + currency.getCurrencyCode() : ""));
        }
        if (value.abs().compareTo(LIMIT) >= 0) {
            throw new IllegalArgumentException("amount '" + amount.strip() + "' is too large");
        }
        return new Money(value.movePointRight(digits).longValueExact(), currency);
    }

    /** The amount in major units, e.g. 12995 USD cents as 129.95. */
    public BigDecimal major() {
        return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits());
    }
}
