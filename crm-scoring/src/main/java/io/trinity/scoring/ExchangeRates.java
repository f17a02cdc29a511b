package io.trinity.scoring;

import io.trinity.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * The base currency values are counted in and the rates to it ({@code crm.scoring.base-currency},
 * {@code crm.scoring.rates.*}): the same conversion for RFM's monetary value, loyalty's points per currency unit
 * and campaign revenue, so a NOK order never earns or weighs ten times a USD one.
 */
@Component
public class ExchangeRates {

    private final ScoringProperties settings;

    ExchangeRates(ScoringProperties settings) {
        this.settings = settings;
    }

    public Currency currency() {
        return Money.currency(settings.baseCurrency());
    }

    /** The amount in minor units of the base currency, or empty when there is no rate for {@code code}. */
    public OptionalLong toBaseMinor(long minor, String code) {
        if (code.equals(settings.baseCurrency())) {
            return OptionalLong.of(minor);
        }
        BigDecimal rate = settings.rates().get(code);
        if (rate == null) {
            return OptionalLong.empty();
        }
        int digits = Money.currency(code).getDefaultFractionDigits();
        int baseDigits = currency().getDefaultFractionDigits();
        return OptionalLong.of(BigDecimal.valueOf(minor).multiply(rate).movePointRight(baseDigits - digits)
                .setScale(0, RoundingMode.HALF_UP).longValueExact());
    }
}
