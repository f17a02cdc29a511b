package io.trinity.customer;

import io.trinity.shared.FieldError;
import io.trinity.shared.TextRules;
import io.trinity.shared.TimeWindow;
import io.trinity.shared.Timestamps;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The single place that decides whether customer input is acceptable, shared by the API and CSV imports so both
 * refuse the same things with the same words. Pure Java: no Spring, no database.
 */
public final class CustomerValidator {

    /** Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is not ours to judge. */
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");
    static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()./-]{3,24}$");
    static final Pattern EXTERNAL_ID = Pattern.compile("^[\\p{L}\\p{N}._:/#@+-]{1,100}$");
    static final Pattern LOYALTY = Pattern.compile("^[\\p{L}\\p{N}._-]{1,50}$");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int MAX_TEXT = 200;

    private CustomerValidator() {
    }

    /** Returns the errors of {@code draft}; empty means {@link #clean} will succeed. */
    public static List<FieldError> check(CustomerDraft draft, TimeWindow window) {
        List<FieldError> errors = new ArrayList<>();
        clean(draft, window, errors);
        return errors;
    }

    /** Validates and normalises; returns null (and fills {@code errors}) when anything is wrong. */
    public static @Nullable CustomerData clean(CustomerDraft draft, TimeWindow window, List<FieldError> errors) {
        int before = errors.size();
        String externalId = trim(draft.externalId());
        if (externalId == null) {
            errors.add(new FieldError("externalId", "is required"));
        } else if (!EXTERNAL_ID.matcher(externalId).matches()) {
            errors.add(new FieldError("externalId",
                    "must be 1-100 letters, digits or . _ : / # @ + - (got '" + shorten(externalId) + "')"));
        }
        String firstName = text(draft.firstName(), "firstName", errors);
        String lastName = text(draft.lastName(), "lastName", errors);
        String city = text(draft.city(), "city", errors);
        String street = text(draft.street(), "street", errors);
        String region = limited(text(draft.region(), "region", errors), "region", 100, errors);
        String postalCode = limited(text(draft.postalCode(), "postalCode", errors), "postalCode", 20, errors);
        String email = trim(draft.email());
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("email", "'" + shorten(email) + "' is not an e-mail address"));
        }
        String phone = trim(draft.phone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(new FieldError("phone", "'" + shorten(phone) + "' is not a phone number (e.g. +12065550142)"));
        }
        String loyalty = trim(draft.loyaltyNumber());
        if (loyalty != null && !LOYALTY.matcher(loyalty).matches()) {
            errors.add(new FieldError("loyaltyNumber", "must be 1-50 letters, digits, '.', '_' or '-'"));
        }
        String locale = trim(draft.locale());
        if (locale != null) {
            try {
                Locale parsed = new Locale.Builder().setLanguageTag(locale).build();
                if (parsed.getLanguage().isEmpty()) {
                    throw new IllformedLocaleException("no language");
                }
                locale = parsed.toLanguageTag();
            } catch (IllformedLocaleException e) {
                errors.add(new FieldError("locale", "'" + shorten(locale) + "' is not a language tag (e.g. nb-NO)"));
            }
        }
        String country = trim(draft.country());
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(country)) {
                errors.add(new FieldError("country",
                        "'" + shorten(country) + "' is not an ISO 3166 two-letter country code (e.g. NO)"));
            }
        }
        OffsetDateTime createdAt = null;
        String created = trim(draft.createdAt());
        if (created != null) {
            try {
                createdAt = Timestamps.parse(created);
                if (!window.check(createdAt, "createdAt", errors)) {
                    createdAt = null;
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("createdAt", e.getMessage()));
            }
        }
        java.time.LocalDate birthDate = null;
        String birth = trim(draft.birthDate());
        if (birth != null) {
            try {
                birthDate = java.time.LocalDate.parse(birth);
                if (birthDate.isBefore(java.time.LocalDate.of(1900, 1, 1))
                        || birthDate.isAfter(java.time.LocalDate.now(java.time.ZoneOffset.UTC))) {
                    errors.add(new FieldError("birthDate", "must be between 1900-01-01 and today"));
                }
            } catch (java.time.format.DateTimeParseException e) {
                errors.add(new FieldError("birthDate", "'" + shorten(birth) + "' is not a date (e.g. 1990-05-17)"));
            }
        }
        if (errors.size() > before || externalId == null) {
            return null;
        }
        return new CustomerData(externalId, firstName, lastName, email, phone, loyalty, locale, city, country,
                Boolean.TRUE.equals(draft.marketingConsent()), createdAt, birthDate, street, postalCode, region);
    }

    private static @Nullable String limited(@Nullable String value, String field, int max, List<FieldError> errors) {
        if (value != null && value.length() > max && value.length() <= MAX_TEXT) {
            errors.add(new FieldError(field, "is longer than " + max + " characters"));
        }
        return value;
    }

    private static @Nullable String text(@Nullable String value, String field, List<FieldError> errors) {
        String trimmed = trim(value);
        if (trimmed != null && trimmed.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "is longer than " + MAX_TEXT + " characters"));
        }
        if (trimmed != null && !TextRules.isStorable(trimmed, false)) {
            errors.add(new FieldError(field, "contains control characters or broken Unicode"));
        }
        return trimmed;
    }

    static @Nullable String trim(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    static String shorten(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
