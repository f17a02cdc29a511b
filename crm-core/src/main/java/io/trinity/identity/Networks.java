package io.trinity.identity;

import java.util.Locale;
import java.util.regex.Pattern;

/** Network names are lower-case words (facebook, x, foursquare, instore…); the set stays open for new connectors. */
public final class Networks {

    public static final String FACEBOOK = "facebook";
    public static final String X = "x";
    public static final String FOURSQUARE = "foursquare";

    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9-]{0,29}$");

    private Networks() {
    }

    /** Normalises a network name; throws when it is not a plausible one. */
    public static String normalise(String network) {
        String value = network.strip().toLowerCase(Locale.ROOT);
        if (value.equals("twitter")) {
            value = X;
        }
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + network + "' is not a network name (e.g. facebook, x)");
        }
        return value;
    }

    /** Handles are compared case-insensitively and without a leading @, as X and Instagram do. */
    public static String normaliseHandle(String handle) {
        String value = handle.strip();
        if (value.startsWith("@")) {
            value = value.substring(1);
        }
        return value;
    }
}
