package io.trinity.customer;

import io.trinity.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a person typed into a search box, read the way they meant it: an identifier to look up exactly (e-mail,
 * loyalty number, external id), a phone number in any format (its last digits), a social handle with or without
 * {@code @}, and words in any order that each begin a word of the name or city ("walsh emma", "angstrom" for
 * Ångström once folded by the database). German spellings without umlauts also try the folded form (Mueller finds
 * Müller). Plain Java.
 */
public record SearchTerms(String text, @Nullable String phoneDigits, @Nullable String handle, List<Word> words) {

    /** A word with the spellings to try (as LIKE patterns, escaped). */
    public record Word(String word, List<String> patterns) {
    }

    public static final int MAX_LENGTH = 100;
    static final int MAX_WORDS = 6;
    /** Phone searches need this many digits: fewer would match thousands of numbers. */
    static final int MIN_PHONE_DIGITS = 6;
    /** The national part of a number: +47 912 34 567 and 912 34 567 end alike. */
    static final int PHONE_TAIL = 8;

    public static SearchTerms of(String raw) {
        String text = raw.strip();
        if (text.length() > MAX_LENGTH) {
            throw new InvalidInputException("q", "is longer than " + MAX_LENGTH + " characters");
        }
        String digits = text.replaceAll("[^0-9]", "");
        String phone = text.matches("[+()0-9 .\\-/]+") && digits.length() >= MIN_PHONE_DIGITS
                ? digits.substring(Math.max(0, digits.length() - PHONE_TAIL)) : null;
        String handle = null;
        if (!text.contains(" ") && text.indexOf('@', 1) < 0 && text.length() >= 2) {
            String h = text.startsWith("@") ? text.substring(1) : text;
            handle = h.isEmpty() ? null : h.toLowerCase(Locale.ROOT);
        }
        List<Word> words = new ArrayList<>();
        if (phone == null) {
            for (String part : text.toLowerCase(Locale.ROOT).split("\\s+")) {
                String w = trim(part);
                if (w.isEmpty() || w.contains("@")) {
                    continue;
                }
                List<String> patterns = new ArrayList<>(2);
                patterns.add("% " + escapeLike(w) + "%");
                String folded = w.replace("ae", "a").replace("oe", "o").replace("ue", "u");
                if (!folded.equals(w)) {
                    patterns.add("% " + escapeLike(folded) + "%");
                }
                words.add(new Word(w, List.copyOf(patterns)));
                if (words.size() == MAX_WORDS) {
                    break;
                }
            }
        }
        return new SearchTerms(text, phone, handle, List.copyOf(words));
    }

    /** Whether anything could match: "%", "--" and the like search for nothing. */
    public boolean searchable() {
        return !words.isEmpty() || phoneDigits != null || handle != null || text.contains("@");
    }

    /** Punctuation around a word ("walsh," "(oslo)") is not part of it; inside it is (O'Brien, Jean-Luc). */
    private static String trim(String part) {
        int start = 0;
        int end = part.length();
        while (start < end && !Character.isLetterOrDigit(part.codePointAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(part.codePointBefore(end))) {
            end--;
        }
        return part.substring(start, end);
    }

    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
