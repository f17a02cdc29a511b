package io.trinity.duplicates.internal;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One customer as the matcher sees it: every field already normalised ({@link Normalizer}), so comparing is cheap.
 *
 * @param birthDate yyyymmdd, or 0 when unknown
 * @param country   ISO 3166 code: names are common or rare within a country
 * @param handles   declared social accounts as {@code network:handle}
 */
public record MatchRecord(long id, @Nullable String first, @Nullable String last, @Nullable String email,
        @Nullable String phone, @Nullable String loyalty, int birthDate, @Nullable String street,
        @Nullable String postalCode, @Nullable String city, @Nullable String country, List<String> handles) {

    public static int date(@Nullable LocalDate date) {
        return date == null ? 0 : date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }

    /** True when an agreeing value of this field alone would make two records very likely one person. */
    public boolean hasStrongKey() {
        return email != null || phone != null || loyalty != null || !handles.isEmpty();
    }
}
