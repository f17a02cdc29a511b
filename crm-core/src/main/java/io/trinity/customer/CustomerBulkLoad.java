package io.trinity.customer;

import io.trinity.database.BulkLoad;
import org.springframework.stereotype.Component;

/** Loads customers at COPY speed (demo and benchmark bases); ids are given by the caller. */
@Component
public class CustomerBulkLoad extends BulkLoad {

    CustomerBulkLoad() {
        super("customer", "id, external_id, first_name, last_name, email, phone, loyalty_number, locale, city, "
                + "country, marketing_consent, consent_changed_at, created_at, updated_at, birth_date, street, "
                + "postal_code, region");
    }
}
