package io.trinity.customer;

import org.jspecify.annotations.Nullable;

/**
 * How a customer list is narrowed: exact external id, exact e-mail (case-insensitive), or a free-text prefix
 * search over names, e-mail, external id and loyalty number. All empty means everyone.
 */
public record CustomerFilter(@Nullable String externalId, @Nullable String email, @Nullable String q) {

    public static CustomerFilter everyone() {
        return new CustomerFilter(null, null, null);
    }
}
