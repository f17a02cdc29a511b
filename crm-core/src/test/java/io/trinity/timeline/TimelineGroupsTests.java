package io.trinity.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineGroupsTests {

    static TimelineEntry entry(String kind, int minutesAgo, String text) {
        return new TimelineEntry(kind, minutesAgo, Instant.parse("2026-11-01T12:00:00Z").minusSeconds(60L * minutesAgo),
                kind, null, text, kind.equals("order") ? null : "x");
    }

    @Test
    void aRunOfAlikeEntriesIsOneLineAndWordsOfTheCustomerAreNeverFolded() {
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(entry("order", 0, null));
        for (int i = 1; i <= 40; i++) {
            entries.add(entry("follow", i, null));
        }
        entries.add(entry("comment", 41, "Love the tent"));
        entries.add(entry("comment", 42, "And the boots"));
        entries.add(entry("comment", 43, "And the socks"));
        entries.add(entry("share", 44, null));
        entries.add(entry("share", 45, null));
        List<TimelineGroups.Line> lines = TimelineGroups.of(entries);
        assertThat(lines).extracting(TimelineGroups.Line::count).containsExactly(1, 40, 1, 1, 1, 1, 1);
        TimelineGroups.Line follows = lines.get(1);
        assertThat(follows.folded()).isTrue();
        assertThat(follows.entry().kind()).isEqualTo("follow");
        assertThat(follows.oldest()).isEqualTo(entries.get(40).at());
        assertThat(TimelineGroups.of(List.of())).isEmpty();
    }
}
