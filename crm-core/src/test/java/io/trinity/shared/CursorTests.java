package io.trinity.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CursorTests {

    @Test
    void anIdCursorRoundTrips() {
        assertThat(Cursor.decode(Cursor.encode(42L))).isEqualTo(42L);
    }

    @Test
    void aTimeCursorRoundTripsToTheNanosecond() {
        Instant time = Instant.parse("2026-06-30T12:00:00.123456Z");
        assertThat(Cursor.decodeTimeKey(Cursor.encode(time, 7L))).isEqualTo(new Cursor.TimeKey(time, 7L));
    }

    @Test
    void somethingWeDidNotIssueIsRefusedAsBadInput() {
        assertThatThrownBy(() -> Cursor.decode("not-a-cursor")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Cursor.decode(Cursor.encode(Instant.EPOCH, 1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Cursor.decodeTimeKey(Cursor.encode(1))).isInstanceOf(InvalidInputException.class);
    }
}
