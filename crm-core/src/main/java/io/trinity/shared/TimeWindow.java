package io.trinity.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The times an incoming order, activity or customer may carry: from {@code earliest} to {@code latest}, both
 * inclusive. A date outside it (9999-12-31, year -1, an order dated 2100) is a typo or a forgery, and is rejected
 * with the item alone instead of failing a batch deep in the database. Plain Java: callers compute the window from
 * their clock ({@link #around}).
 */
public record TimeWindow(Instant earliest, Instant latest) {

    /** The default earliest time: nobody bought anything from a CRM customer before 1900. */
    public static final LocalDate DEFAULT_EARLIEST = LocalDate.of(1900, 1, 1);

    /** The default look-ahead: clocks drift and time zones differ, but not by more than a day. */
    public static final Duration DEFAULT_AHEAD = Duration.ofDays(1);

    public TimeWindow {
        if (latest.isBefore(earliest)) {
            throw new IllegalArgumentException("the window ends before it begins");
        }
    }

    /** From {@code earliest} (midnight UTC) to {@code ahead} after {@code now}. */
    public static TimeWindow around(Instant now, LocalDate earliest, Duration ahead) {
        return new TimeWindow(earliest.atStartOfDay(ZoneOffset.UTC).toInstant(), now.plus(ahead));
    }

    /** The default window around {@code now}. */
    public static TimeWindow around(Instant now) {
        return around(now, DEFAULT_EARLIEST, DEFAULT_AHEAD);
    }

    public boolean contains(Instant time) {
        return !time.isBefore(earliest) && !time.isAfter(latest);
    }

    /** Adds an error for {@code field} and returns false when {@code time} lies outside the window. */
    public boolean check(OffsetDateTime time, String field, List<FieldError> errors) {
        if (contains(time.toInstant())) {
            return true;
        }
        errors.add(new FieldError(field, "'" + time + "' is outside the accepted range ("
                + earliest.atOffset(ZoneOffset.UTC).toLocalDate() + " to " + latest.truncatedTo(
                        java.time.temporal.ChronoUnit.SECONDS) + ")"));
        return false;
    }
}
