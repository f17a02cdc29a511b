package io.trinity.core.loyalty;

import java.util.Currency;
import java.util.OptionalLong;

/**
 * Converts purchase amounts into the currency points are counted in, with the same rates as the valuation, so a
 * NOK order does not earn ten times a USD one. Implemented by the scoring module; the fallback knows only USD.
 */
public interface BaseCurrency {

    Currency currency();

    /** The amount in minor units of the base currency, or empty when there is no rate for {@code currency}. */
    OptionalLong toBaseMinor(long minor, String currency);

    BaseCurrency USD_ONLY = new BaseCurrency() {
        @Override
        public Currency currency() {
            return Currency.getInstance("USD");
        }

        @Override
        public OptionalLong toBaseMinor(long minor, String currency) {
            return "USD".equals(currency) ? OptionalLong.of(minor) : OptionalLong.empty();
        }
    };
}
