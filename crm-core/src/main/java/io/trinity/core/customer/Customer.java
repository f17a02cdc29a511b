package io.trinity.core.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Persistence of one customer, edited one at a time through JPA. Bulk paths (imports, demo data) write the same
 * table with set-based SQL instead. Never leaves the core: callers get {@link CustomerDetails}.
 */
@Entity
@Table(name = "customer")
class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "external_id", nullable = false)
    private String externalId = "";

    private @Nullable String firstName;
    private @Nullable String lastName;
    private @Nullable String email;
    private @Nullable String phone;
    private @Nullable String loyaltyNumber;
    private @Nullable String locale;
    private @Nullable String city;

    private @Nullable String country;
    private java.time.@Nullable LocalDate birthDate;

    private boolean marketingConsent;
    private @Nullable Instant consentChangedAt;

    @Enumerated(EnumType.STRING)
    private CustomerStatus status = CustomerStatus.ACTIVE;

    private Instant createdAt = Instant.now();
    private Instant updatedAt = Instant.now();

    @Version
    private long version;

    protected Customer() {
    }

    static Customer from(CustomerData data, Instant now) {
        Customer customer = new Customer();
        customer.createdAt = data.createdAt() != null ? data.createdAt().toInstant() : now;
        customer.apply(data, now);
        if (customer.marketingConsent) {
            customer.consentChangedAt = now;
        }
        return customer;
    }

    /** Replaces the customer's facts; records when marketing consent was given or withdrawn. */
    boolean apply(CustomerData data, Instant now) {
        boolean consentChanged = marketingConsent != data.marketingConsent();
        boolean changed = consentChanged
                || !Objects.equals(externalId, data.externalId())
                || !Objects.equals(firstName, data.firstName())
                || !Objects.equals(lastName, data.lastName())
                || !Objects.equals(email, data.email())
                || !Objects.equals(phone, data.phone())
                || !Objects.equals(loyaltyNumber, data.loyaltyNumber())
                || !Objects.equals(locale, data.locale())
                || !Objects.equals(city, data.city())
                || !Objects.equals(country, data.country())
                || !Objects.equals(birthDate, data.birthDate());
        externalId = data.externalId();
        firstName = data.firstName();
        lastName = data.lastName();
        email = data.email();
        phone = data.phone();
        loyaltyNumber = data.loyaltyNumber();
        locale = data.locale();
        city = data.city();
        country = data.country();
        birthDate = data.birthDate();
        if (consentChanged) {
            marketingConsent = data.marketingConsent();
            consentChangedAt = now;
        }
        if (changed) {
            updatedAt = now;
        }
        return changed;
    }

    @Nullable Long id() {
        return id;
    }

    CustomerDetails details() {
        return new CustomerDetails(Objects.requireNonNull(id), externalId, firstName, lastName, email, phone,
                loyaltyNumber, locale, city, country, marketingConsent, consentChangedAt, status, createdAt, updatedAt,
                birthDate);
    }
}
