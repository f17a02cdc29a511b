package io.trinity.customer.web;

import io.trinity.customer.CustomerDetails;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A customer as the API returns it: the request's fields plus id, status and timestamps. A merged customer is
 * answered with its survivor, so {@code id} is the survivor's.
 */
record CustomerResponse(
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
        String status,
        Instant createdAt,
        Instant updatedAt,
        java.time.@Nullable LocalDate birthDate,
        @Nullable String street,
        @Nullable String postalCode,
        @Nullable String region) {

    static CustomerResponse of(CustomerDetails c) {
        return new CustomerResponse(c.id(), c.externalId(), c.firstName(), c.lastName(), c.email(), c.phone(),
                c.loyaltyNumber(), c.locale(), c.city(), c.country(), c.marketingConsent(), c.consentChangedAt(),
                c.status().name(), c.createdAt(), c.updatedAt(), c.birthDate(), c.street(), c.postalCode(), c.region());
    }
}
