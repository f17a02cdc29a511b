package io.trinity.core.customer;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How an incoming order or activity names its customer: Trinity's id, the source system's external id, or an
 * e-mail address. Exactly one is set; e-mail is compared case-insensitively.
 */
public record CustomerRef(@Nullable Long id, @Nullable String externalId, @Nullable String email) {

    public static CustomerRef byId(long id) {
        return new CustomerRef(id, null, null);
    }

    public static CustomerRef byExternalId(String externalId) {
        return new CustomerRef(null, externalId, null);
    }

    public static CustomerRef byEmail(String email) {
        return new CustomerRef(null, null, email.strip().toLowerCase(Locale.ROOT));
    }

    public String describe() {
        if (id != null) {
            return "customerId " + id;
        }
        if (externalId != null) {
            return "customerExternalId '" + externalId + "'";
        }
        return "email '" + email + "'";
    }
}
