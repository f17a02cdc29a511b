package io.trinity.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Folds runs of alike entries into one line: 40 follows in a row read as "follow × 40" between two dates instead of
 * 40 lines that push everything else off the page. Entries alike are of the same kind with no words of the
 * customer's own (a comment or a review is always shown by itself). Plain Java.
 */
public final class TimelineGroups {

    /** The shortest run that is folded. */
    public static final int MIN_RUN = 3;

    /** One line of the timeline: an entry, or the newest of a run of {@code count} alike entries back to {@code oldest}. */
    public record Line(TimelineEntry entry, int count, Instant oldest) {

        public boolean folded() {
            return count > 1;
        }
    }

    private TimelineGroups() {
    }

    public static List<Line> of(List<TimelineEntry> entries) {
        List<Line> lines = new ArrayList<>();
        int i = 0;
        while (i < entries.size()) {
            TimelineEntry first = entries.get(i);
            int j = i + 1;
            while (j < entries.size() && alike(first, entries.get(j))) {
                j++;
            }
            if (j - i >= MIN_RUN) {
                lines.add(new Line(first, j - i, entries.get(j - 1).at()));
            } else {
                for (int k = i; k < j; k++) {
                    lines.add(new Line(entries.get(k), 1, entries.get(k).at()));
                }
            }
            i = j;
        }
        return lines;
    }

    static boolean alike(TimelineEntry a, TimelineEntry b) {
        return a.text() == null && b.text() == null && a.kind().equals(b.kind())
                && Objects.equals(a.network(), b.network()) && !a.kind().equals("case");
    }
}
