package io.trinity.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTests {

    @Test
    void decimalMajorUnitsBecomeMinorUnits() {
        assertThat(Money.parse("129.95", "USD").minor()).isEqualTo(12995);
        assertThat(Money.parse("3499", "NOK").minor()).isEqualTo(349900);
        assertThat(Money.parse("-189.00", "usd").minor()).isEqualTo(-18900);
        assertThat(Money.parse("5000", "JPY").minor()).isEqualTo(5000);
        assertThat(Money.parse("1.234", "KWD").minor()).isEqualTo(1234);
    }

    @Test
    void trailingZerosBeyondTheCurrencysDecimalsAreFine() {
        assertThat(Money.parse("10.500", "EUR").minor()).isEqualTo(1050);
    }

    @Test
    void moreDecimalsThanTheCurrencyHasAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.parse("10.005", "USD"))
                .withMessageContaining("more than 2 decimals");
        assertThatIllegalArgumentException().isThrownBy(() -> Money.parse("10.5", "JPY"));
    }

    @Test
    void unknownOrPseudoCurrenciesAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.parse("1", "ZZZ"))
                .withMessageContaining("unknown currency");
        assertThatIllegalArgumentException().isThrownBy(() -> Money.parse("1", "XAU"));
        assertThatIllegalArgumentException().isThrownBy(() -> Money.parse("1", "US"));
    }

    @Test
    void garbageAndAbsurdAmountsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.parse("lots", "USD"));
        assertThatIllegalArgumentException().isThrownBy(() -> Money.parse("1e20", "USD"));
        assertThatIllegalArgumentException().isThrownBy(() -> Money.parse("NaN", "USD"));
    }

    @Test
    void majorUnitsRoundTrip() {
        assertThat(Money.parse("129.95", "USD").major()).isEqualByComparingTo(new BigDecimal("129.95"));
    }
}
