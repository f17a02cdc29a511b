package io.trinity.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One customer as edited one at a time: the rule for what an edit changes (and when marketing consent was given or
 * withdrawn) in plain Java. Bulk paths (imports, demo data) write the table with set-based SQL instead. Never leaves
 * the feature: callers get {@link CustomerDetails}.
 */
final class Customer {

    @Nullable Long id;
    String externalId = "";
    @Nullable String firstName;
    @Nullable String lastName;
    @Nullable String email;
    @Nullable String phone;
    @Nullable String loyaltyNumber;
    @Nullable String locale;
    @Nullable String city;
    @Nullable String country;
    @Nullable LocalDate birthDate;
    @Nullable String street;
    @Nullable String postalCode;
    @Nullable String region;
    boolean marketingConsent;
    @Nullable Instant consentChangedAt;
    CustomerStatus status = CustomerStatus.ACTIVE;
    Instant createdAt = Instant.EPOCH;
    Instant updatedAt = Instant.EPOCH;

    static Customer from(CustomerData data, Instant now) {
        Customer customer = new Customer();
        customer.createdAt = data.createdAt() != null ? data.createdAt().toInstant() : now;
        customer.updatedAt = now;
        customer.apply(data, now);
        if (customer.marketingConsent) {
            customer.consentChangedAt = now;
        }
        return customer;
    }

    static Customer row(ResultSet rs) throws SQLException {
        Customer c = new Customer();
        c.id = rs.getLong("id");
        c.externalId = rs.getString("external_id");
        c.firstName = rs.getString("first_name");
        c.lastName = rs.getString("last_name");
        c.email = rs.getString("email");
        c.phone = rs.getString("phone");
        c.loyaltyNumber = rs.getString("loyalty_number");
        c.locale = rs.getString("locale");
        c.city = rs.getString("city");
        c.country = rs.getString("country");
        c.birthDate = rs.getObject("birth_date", LocalDate.class);
        c.street = rs.getString("street");
        c.postalCode = rs.getString("postal_code");
        c.region = rs.getString("region");
        c.marketingConsent = rs.getBoolean("marketing_consent");
        Timestamp consent = rs.getTimestamp("consent_changed_at");
        c.consentChangedAt = consent == null ? null : consent.toInstant();
        c.status = CustomerStatus.valueOf(rs.getString("status"));
        c.createdAt = rs.getTimestamp("created_at").toInstant();
        c.updatedAt = rs.getTimestamp("updated_at").toInstant();
        return c;
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
                || !Objects.equals(birthDate, data.birthDate())
                || !Objects.equals(street, data.street())
                || !Objects.equals(postalCode, data.postalCode())
                || !Objects.equals(region, data.region());
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
        street = data.street();
        postalCode = data.postalCode();
        region = data.region();
        if (consentChanged) {
            marketingConsent = data.marketingConsent();
            consentChangedAt = now;
        }
        if (changed) {
            updatedAt = now;
        }
        return changed;
    }

    CustomerDetails details() {
        return new CustomerDetails(Objects.requireNonNull(id), externalId, firstName, lastName, email, phone,
                loyaltyNumber, locale, city, country, marketingConsent, consentChangedAt, status, createdAt, updatedAt,
                birthDate, street, postalCode, region);
    }
}
