package io.trinity.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecimalsTests {

    @Test
    void ordinaryDecimalsAndExponentsAreRead() {
        assertThat(Decimals.parse("129.95", 12, 2)).isEqualByComparingTo("129.95");
        assertThat(Decimals.parse(" 1.2995e2 ", 12, 2)).isEqualByComparingTo("129.95");
        assertThat(Decimals.parse("5E+3", 12, 0)).isEqualTo(new BigDecimal("5000"));
        assertThat(Decimals.parse("10.500", 12, 2)).isEqualTo(new BigDecimal("10.5"));
        assertThat(Decimals.parse("-0.0", 12, 2)).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void hugeExponentsAreRefusedBeforeAnyExpansion() {
        assertThatIllegalArgumentException().isThrownBy(() -> Decimals.parse("1e1000000", 12, 2))
                .withMessageContaining("too large");
        assertThatIllegalArgumentException().isThrownBy(() -> Decimals.parse("1e-1000000", 12, 2))
                .withMessageContaining("decimals");
        assertThatIllegalArgumentException().isThrownBy(() -> Decimals.parse("1e10000000", 12, 2))
                .withMessageContaining("too large");
        assertThatIllegalArgumentException().isThrownBy(() -> Decimals.parse("1e999999999", 12, 2))
                .withMessageContaining("too large");
        assertThatIllegalArgumentException().isThrownBy(() -> Decimals.parse("1e9999999999", 12, 2))
                .withMessageContaining("not a decimal");
        assertThatIllegalArgumentException().isThrownBy(() -> Decimals.check(new BigDecimal("1E+1000000000"), 12, 2))
                .withMessageContaining("too large");
        assertThatIllegalArgumentException().isThrownBy(() -> Decimals.check(new BigDecimal("1E-1000000000"), 12, 2))
                .withMessageContaining("decimals");
    }

    @Test
    void longTextAndGarbageAreRefusedWithShortMessages() {
        assertThatIllegalArgumentException().isThrownBy(() -> Decimals.parse("9".repeat(1_000_000), 12, 2))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(120));
        assertThatIllegalArgumentException().isThrownBy(() -> Decimals.parse("NaN", 12, 2));
        assertThatIllegalArgumentException().isThrownBy(() -> Decimals.parse("Infinity", 12, 2));
        assertThatIllegalArgumentException().isThrownBy(() -> Decimals.parse("0x10", 12, 2));
        assertThatIllegalArgumentException().isThrownBy(() -> Decimals.parse("1,5", 12, 2));
    }

    @Test
    void doublesAreFiniteAndWithinTheirRange() {
        assertThat(Decimals.parseDouble("0.4", 0, 1000)).isEqualTo(0.4);
        assertThatIllegalArgumentException().isThrownBy(() -> Decimals.parseDouble("1e400", 0, 1000));
        assertThatIllegalArgumentException().isThrownBy(() -> Decimals.check(Double.NaN, 0, 1000));
        assertThatIllegalArgumentException().isThrownBy(() -> Decimals.check(Double.POSITIVE_INFINITY, 0, 1000));
    }
}
