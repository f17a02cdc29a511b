package io.trinity.core.shared;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The one accepted timestamp form on Trinity's edges: ISO-8601 with an explicit offset, e.g. 2026-06-30T12:00:00Z. */
public final class Timestamps {

    private Timestamps() {
    }

    public static OffsetDateTime parse(String text) {
        try {
            return OffsetDateTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not an ISO-8601 timestamp with offset (e.g. 2026-06-30T12:00:00Z)");
        }
    }
}
