package io.trinity.shared;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The accepted timestamp forms on Trinity's edges: ISO-8601 with an explicit offset, e.g. 2026-06-30T12:00:00Z, or
 * a plain date, 2026-06-30, which is that day's midnight UTC (what spreadsheets export). A local time without an
 * offset is refused: which zone it meant cannot be known. Offsets beyond ±14:00 exist in no time zone (PostgreSQL
 * refuses some of them), so they are refused here.
 */
public final class Timestamps {

    private Timestamps() {
    }

    private static final int MAX_OFFSET_SECONDS = 14 * 3600;

    public static OffsetDateTime parse(String text) {
        OffsetDateTime parsed;
        String trimmed = text.trim();
        try {
            parsed = trimmed.length() == 10
                    ? java.time.LocalDate.parse(trimmed).atStartOfDay().atOffset(java.time.ZoneOffset.UTC)
                    : OffsetDateTime.parse(trimmed);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + shorten(text) + "' is neither a date (2026-06-30, midnight UTC)"
                    + " nor an ISO-8601 timestamp with offset (2026-06-30T12:00:00Z)");
        }
        if (Math.abs(parsed.getOffset().getTotalSeconds()) > MAX_OFFSET_SECONDS) {
            throw new IllegalArgumentException("'" + shorten(text) + "' has the offset " + parsed.getOffset()
                    + "; real time zones lie between -12:00 and +14:00");
        }
        return parsed;
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
