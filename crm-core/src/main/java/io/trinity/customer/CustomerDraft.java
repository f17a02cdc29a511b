package io.trinity.customer;

import org.jspecify.annotations.Nullable;

/**
 * Customer input exactly as received, not yet trusted. {@code createdAt} is only set by imports; {@code birthDate} is
 * an ISO date (1990-05-17) used for birthday rewards; {@code street}, {@code postalCode}, {@code city},
 * {@code region} and {@code country} are the postal address, which service and duplicate detection both use.
 */
public record CustomerDraft(
        @Nullable String externalId,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String loyaltyNumber,
        @Nullable String locale,
        @Nullable String city,
        @Nullable String country,
        @Nullable Boolean marketingConsent,
        @Nullable String createdAt,
        @Nullable String birthDate,
        @Nullable String street,
        @Nullable String postalCode,
        @Nullable String region) {

    /** The same input under another external id (an edit that reached a survivor through a merged-away id). */
    public CustomerDraft withExternalId(@Nullable String id) {
        return new CustomerDraft(id, firstName, lastName, email, phone, loyaltyNumber, locale, city, country,
                marketingConsent, createdAt, birthDate, street, postalCode, region);
    }
}
