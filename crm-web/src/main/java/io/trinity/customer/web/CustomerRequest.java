package io.trinity.customer.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trinity.customer.CustomerDraft;
import org.jspecify.annotations.Nullable;

/** The pinned JSON shape of a customer sent to the API; unknown fields are refused. */
@JsonIgnoreProperties(ignoreUnknown = false)
record CustomerRequest(
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
        @Nullable String birthDate,
        @Nullable String street,
        @Nullable String postalCode,
        @Nullable String region) {

    CustomerDraft draft() {
        return new CustomerDraft(externalId, firstName, lastName, email, phone, loyaltyNumber, locale, city, country,
                marketingConsent, null, birthDate, street, postalCode, region);
    }
}
