package io.trinity.duplicates.internal;

import java.util.List;

/**
 * The comparisons of a pair, each with its levels from best to worst (Splink's "comparison levels"). A pair's
 * comparison vector holds one level index per field, {@link #MISSING} when either side has no value, or
 * {@link #HOUSEHOLD} for an address or phone two records share while their first names differ outright: the
 * contact details of a household, which say nothing about being one person (Fellegi–Sunter assumes comparisons
 * independent given the match status, and a shared home makes address, landline and surname agree together).
 */
public enum Field {

    FIRST_NAME(List.of("exact", "nickname or initial", "close", "different"), true),
    LAST_NAME(List.of("exact", "close", "different"), true),
    EMAIL(List.of("exact", "different"), false),
    PHONE(List.of("exact", "same last seven digits", "different"), false),
    BIRTH_DATE(List.of("exact", "one digit off", "day and month swapped", "different"), false),
    ADDRESS(List.of("same street and postal code", "close street", "same postal code", "same city",
            "different city"), false),
    LOYALTY_NUMBER(List.of("exact", "different"), false),
    SOCIAL_HANDLE(List.of("exact", "different"), false);

    public static final byte MISSING = -1;
    public static final byte HOUSEHOLD = -2;

    /** A level that carries evidence (not missing, not a household's shared contact). */
    public static boolean known(byte level) {
        return level >= 0;
    }

    private final List<String> levels;
    private final boolean termFrequency;

    Field(List<String> levels, boolean termFrequency) {
        this.levels = levels;
        this.termFrequency = termFrequency;
    }

    public List<String> levels() {
        return levels;
    }

    public int levelCount() {
        return levels.size();
    }

    /** Whether an exact agreement's weight depends on how common the value is (names and cities). */
    public boolean termFrequency() {
        return termFrequency;
    }

    /** The keys that, when they agree exactly, are strong evidence on their own (needed for automatic merges). */
    public boolean strongKey() {
        return this == EMAIL || this == PHONE || this == LOYALTY_NUMBER || this == SOCIAL_HANDLE;
    }

    public String label() {
        return name().toLowerCase().replace('_', ' ');
    }

    /** The field's name in the API and in stored parameters: {@code firstName}, {@code socialHandle}. */
    public String key() {
        String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder key = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i], 1, words[i].length());
        }
        return key.toString();
    }
}
