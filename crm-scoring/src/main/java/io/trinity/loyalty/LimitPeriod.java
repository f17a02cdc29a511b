package io.trinity.loyalty;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/** Calendar periods (UTC) a rule's per-customer limit counts in; weeks start on Monday. */
public enum LimitPeriod {
    DAY, WEEK, MONTH;

    /** The first day of the period holding {@code at}. */
    public LocalDate start(Instant at) {
        LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    public boolean samePeriod(Instant a, Instant b) {
        return start(a).equals(start(b));
    }
}
