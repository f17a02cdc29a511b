package io.trinity.order;

import java.util.Locale;

/** Where an order was placed. Stored in lower case, as the API and CSV spell it. */
public enum Channel {
    STORE, WEB, APP;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not a channel (store, web or app)");
        }
    }
}
