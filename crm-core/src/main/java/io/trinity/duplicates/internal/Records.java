package io.trinity.duplicates.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Builds the matcher's normalised {@link MatchRecord} from a customer's fields as stored. */
public final class Records {

    private final Normalizer normalizer = new Normalizer();

    public MatchRecord record(long id, @Nullable String first, @Nullable String last, @Nullable String email,
            @Nullable String phone, @Nullable String loyalty, @Nullable LocalDate birthDate, @Nullable String street,
            @Nullable String postalCode, @Nullable String city, @Nullable String country, List<String> handles) {
        return new MatchRecord(id, normalizer.name(first), normalizer.name(last), Normalizer.email(email),
                Normalizer.phone(phone, country), loyalty == null || loyalty.isBlank() ? null
                        : loyalty.strip().toUpperCase(Locale.ROOT),
                MatchRecord.date(birthDate), Normalizer.street(street), Normalizer.postalCode(postalCode),
                normalizer.city(city), country == null ? null : country.strip().toUpperCase(Locale.ROOT),
                handles.isEmpty() ? List.of()
                        : handles.stream().map(h -> h.toLowerCase(Locale.ROOT)).sorted().toList());
    }
}
