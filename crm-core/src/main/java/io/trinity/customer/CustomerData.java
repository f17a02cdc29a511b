package io.trinity.customer;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A validated set of customer facts, as they arrive from the API or a CSV row. Only {@link CustomerValidator}
 * builds one, so holding one means the values are clean (trimmed, e-mail shaped, ISO country, real locale).
 */
public record CustomerData(
        String externalId,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String loyaltyNumber,
        @Nullable String locale,
        @Nullable String city,
        @Nullable String country,
        boolean marketingConsent,
        @Nullable OffsetDateTime createdAt,
        java.time.@Nullable LocalDate birthDate,
        @Nullable String street,
        @Nullable String postalCode,
        @Nullable String region) {
}
