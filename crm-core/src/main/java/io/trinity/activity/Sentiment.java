package io.trinity.activity;

import java.util.Locale;

/** Tone of an activity's text when a connector or analyst knows it. */
public enum Sentiment {
    POSITIVE, NEUTRAL, NEGATIVE;

    public static Sentiment parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not a sentiment (POSITIVE, NEUTRAL or NEGATIVE)");
        }
    }
}
