package io.trinity.customer;

import io.trinity.shared.FieldError;
import java.util.List;
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

    /** Exactly one way of naming the customer, as orders and activities do; null (and an error) otherwise. */
    public static @Nullable CustomerRef named(@Nullable Long id, @Nullable String externalId,
            @Nullable String email, List<FieldError> errors) {
        String ext = externalId == null || externalId.isBlank() ? null : externalId.strip();
        String mail = email == null || email.isBlank() ? null : email.strip();
        int given = (id != null ? 1 : 0) + (ext != null ? 1 : 0) + (mail != null ? 1 : 0);
        if (given != 1) {
            errors.add(new FieldError("customer", given == 0
                    ? "name the customer by customerId, customerExternalId or email"
                    : "name the customer by only one of customerId, customerExternalId or email"));
            return null;
        }
        if (id != null) {
            return byId(id);
        }
        return ext != null ? byExternalId(ext) : byEmail(mail);
    }

}
