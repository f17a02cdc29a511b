package io.trinity.customer;

import io.trinity.shared.FieldError;
import io.trinity.shared.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which value each field of a merged customer keeps. By default the most recent non-empty value from the most
 * trusted record: a record with a loyalty number (the person identified themselves to the programme) is trusted
 * more, then the more recently updated one; the address moves as one (street, postal code, city, region and
 * country together, never a street from one record and a city from the other). Marketing consent follows the most
 * recent explicit choice. A person may choose per field ("survivor" or "other"). Plain Java.
 */
public final class SurvivingValues {

    /** The fields a merge can choose, as the API names them. */
    public static final List<String> FIELDS = List.of("firstName", "lastName", "email", "phone", "loyaltyNumber",
            "locale", "birthDate", "address");
    private static final Set<String> ADDRESS_PARTS = Set.of("street", "postalCode", "city", "region", "country");

    private SurvivingValues() {
    }

    /** The choice per field, defaults filled in; refuses unknown fields and sides. */
    public static Map<String, String> choices(CustomerDetails survivor, CustomerDetails other,
            @Nullable Map<String, String> requested) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> asked = new LinkedHashMap<>();
        if (requested != null) {
            requested.forEach((field, side) -> {
                String key = ADDRESS_PARTS.contains(field) ? "address" : field;
                if (!FIELDS.contains(key)) {
                    errors.add(new FieldError("fields." + field, "is not a field a merge can choose (one of "
                            + String.join(", ", FIELDS) + ")"));
                } else if (!"survivor".equals(side) && !"other".equals(side)) {
                    errors.add(new FieldError("fields." + field, "must be 'survivor' or 'other'"));
                } else if (asked.containsKey(key) && !asked.get(key).equals(side)) {
                    errors.add(new FieldError("fields." + field, "the address moves as one: choose one side for all "
                            + "of street, postalCode, city, region and country"));
                } else {
                    asked.put(key, side);
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean otherFirst = trusted(other, survivor);
        Map<String, String> result = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String side = asked.get(field);
            if (side == null) {
                Object mine = value(survivor, field);
                Object theirs = value(other, field);
                side = mine == null ? (theirs == null ? "survivor" : "other")
                        : theirs == null ? "survivor" : otherFirst ? "other" : "survivor";
            }
            result.put(field, side);
        }
        return result;
    }

    /** Whether {@code a}'s values come before {@code b}'s: a loyalty member first, then the more recent record. */
    static boolean trusted(CustomerDetails a, CustomerDetails b) {
        boolean aMember = a.loyaltyNumber() != null;
        boolean bMember = b.loyaltyNumber() != null;
        if (aMember != bMember) {
            return aMember;
        }
        return a.updatedAt().isAfter(b.updatedAt());
    }

    /** A field of {@link #FIELDS} as shown side by side ("address" is the whole postal address). */
    public static @Nullable Object value(CustomerDetails c, String field) {
        return switch (field) {
            case "firstName" -> c.firstName();
            case "lastName" -> c.lastName();
            case "email" -> c.email();
            case "phone" -> c.phone();
            case "loyaltyNumber" -> c.loyaltyNumber();
            case "locale" -> c.locale();
            case "birthDate" -> c.birthDate();
            case "address" -> c.street() == null && c.postalCode() == null && c.city() == null && c.region() == null
                    && c.country() == null ? null : "address";
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** The consent that survives: the most recent explicit choice of either record. */
    static boolean consent(CustomerDetails survivor, CustomerDetails other) {
        Instant mine = survivor.consentChangedAt();
        Instant theirs = other.consentChangedAt();
        if (theirs != null && (mine == null || theirs.isAfter(mine))) {
            return other.marketingConsent();
        }
        return survivor.marketingConsent();
    }

    /** The survivor's facts after the merge. */
    static CustomerData merged(CustomerDetails survivor, CustomerDetails other, Map<String, String> choices) {
        CustomerDetails a = survivor;
        CustomerDetails b = other;
        boolean address = "other".equals(choices.get("address"));
        return new CustomerData(a.externalId(),
                pick(choices, "firstName", a.firstName(), b.firstName()),
                pick(choices, "lastName", a.lastName(), b.lastName()),
                pick(choices, "email", a.email(), b.email()),
                pick(choices, "phone", a.phone(), b.phone()),
                pick(choices, "loyaltyNumber", a.loyaltyNumber(), b.loyaltyNumber()),
                pick(choices, "locale", a.locale(), b.locale()),
                address ? b.city() : a.city(), address ? b.country() : a.country(),
                consent(a, b), null,
                pick(choices, "birthDate", a.birthDate(), b.birthDate()),
                address ? b.street() : a.street(), address ? b.postalCode() : a.postalCode(),
                address ? b.region() : a.region());
    }

    private static <T> @Nullable T pick(Map<String, String> choices, String field, @Nullable T mine,
            @Nullable T theirs) {
        return "other".equals(choices.get(field)) ? theirs : mine;
    }

    /** Whether two values differ (for the journal of what a merge replaced). */
    static boolean differs(@Nullable Object a, @Nullable Object b) {
        return !Objects.equals(a, b);
    }
}
