package io.trinity.testing;

import io.trinity.customer.CustomerDraft;
import org.jspecify.annotations.Nullable;

/**
 * Test customers by what a test cares about: {@code Customers.customer("C-1").named("Ines", "Ibsen").draft()},
 * or one of the shared sample people ({@link #kari}). Everything not named is left empty, as a sparse import row
 * would leave it.
 */
public final class Customers {

    private final String externalId;
    private @Nullable String firstName;
    private @Nullable String lastName;
    private @Nullable String email;
    private @Nullable String phone;
    private @Nullable String loyaltyNumber;
    private @Nullable String city;
    private @Nullable String country;
    private boolean consent = true;
    private @Nullable String birthDate;
    private @Nullable String street;
    private @Nullable String postalCode;
    private @Nullable String region;

    private Customers(String externalId) {
        this.externalId = externalId;
    }

    public static Customers customer(String externalId) {
        return new Customers(externalId);
    }

    /** Kari Nordmann of Oslo, who shops in store and online and agreed to marketing. */
    public static Customers kari(String externalId) {
        return customer(externalId).named("Kari", "Nordmann").email(externalId.toLowerCase() + "@example.no")
                .phone("+4791234567").livingIn("Oslo", "NO");
    }

    public Customers named(String first, String last) {
        this.firstName = first;
        this.lastName = last;
        return this;
    }

    public Customers email(String email) {
        this.email = email;
        return this;
    }

    public Customers phone(String phone) {
        this.phone = phone;
        return this;
    }

    public Customers loyaltyNumber(String number) {
        this.loyaltyNumber = number;
        return this;
    }

    public Customers livingIn(String city, String country) {
        this.city = city;
        this.country = country;
        return this;
    }

    /** A postal address: street line, postal code, city, region and country. */
    public Customers at(String street, String postalCode, String city, @Nullable String region, String country) {
        this.street = street;
        this.postalCode = postalCode;
        this.city = city;
        this.region = region;
        this.country = country;
        return this;
    }

    public Customers born(String date) {
        this.birthDate = date;
        return this;
    }

    public Customers withoutConsent() {
        this.consent = false;
        return this;
    }

    public CustomerDraft draft() {
        return new CustomerDraft(externalId, firstName, lastName, email, phone, loyaltyNumber, null, city, country,
                consent, null, birthDate, street, postalCode, region);
    }
}
