package io.trinity.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Timestamps at the edges: with an offset, or a plain date meaning midnight UTC; never a zone-less local time. */
class TimestampsTests {

    @Test
    void aPlainDateIsMidnightUtcAndATimestampKeepsItsOffset() {
        assertThat(Timestamps.parse("2026-11-01").toInstant()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(Timestamps.parse(" 2026-11-01T10:00:00+01:00 ").toInstant())
                .isEqualTo(Instant.parse("2026-11-01T09:00:00Z"));
    }

    @Test
    void ambiguousOrImpossibleTimesAreRefusedWithTheFormsThatWork() {
        assertThatThrownBy(() -> Timestamps.parse("2026-11-01T10:00:00")).hasMessageContaining("2026-06-30");
        assertThatThrownBy(() -> Timestamps.parse("01.11.2026")).hasMessageContaining("midnight UTC");
        assertThatThrownBy(() -> Timestamps.parse("2026-02-30")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Timestamps.parse("2026-11-01T10:00:00+15:00")).hasMessageContaining("+14:00");
    }
}
