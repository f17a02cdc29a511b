package io.trinity.activity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of social and in-store activity Trinity values. */
public enum ActivityType {
    POST, SHARE, COMMENT, LIKE, MENTION, FOLLOW, CHECKIN, REVIEW, REFERRAL;

    public static ActivityType parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not an activity type ("
                    + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
        }
    }
}
