package io.trinity.customer;

import org.jspecify.annotations.Nullable;

/**
 * Customer input exactly as received, not yet trusted. {@code createdAt} is only set by imports; {@code birthDate} is
 * an ISO date (1990-05-17) used for birthday rewards.
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
        @Nullable String birthDate) {
}
