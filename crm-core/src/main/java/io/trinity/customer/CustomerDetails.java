package io.trinity.customer;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Read view of one customer as the API and console show it. */
public record CustomerDetails(
        long id,
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
        @Nullable Instant consentChangedAt,
        CustomerStatus status,
        Instant createdAt,
        Instant updatedAt,
        java.time.@Nullable LocalDate birthDate,
        @Nullable String street,
        @Nullable String postalCode,
        @Nullable String region) {

    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return name.isEmpty() ? externalId : name;
    }
}
