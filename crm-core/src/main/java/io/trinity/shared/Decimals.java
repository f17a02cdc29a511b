package io.trinity.shared;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads decimals from untrusted text with their size bounded <em>before</em> any arithmetic. A value such as
 * {@code 1e10000000} is nine characters long but a ten-million-digit number once expanded, so length, exponent,
 * integer digits and decimals are all checked on the written form and the parsed (still compact) value; nothing
 * here ever expands a number to plain digits.
 */
public final class Decimals {

    /** Longest decimal accepted as text; far beyond any amount, weight or threshold Trinity stores. */
    public static final int MAX_LENGTH = 40;

    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]{1,9})?");

    private Decimals() {
    }

    /**
     * Parses {@code text} as a decimal with at most {@code maxIntegerDigits} digits before the decimal point and at
     * most {@code maxFractionDigits} significant decimals; the result has no trailing zeros and a scale of at least
     * zero.
     *
     * @throws IllegalArgumentException with a message fit for the user when the text is not such a decimal
     */
    public static BigDecimal parse(String text, int maxIntegerDigits, int maxFractionDigits) {
        String s = text.strip();
        if (s.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("'" + shorten(s) + "' is longer than " + MAX_LENGTH + " characters");
        }
        if (!DECIMAL.matcher(s).matches()) {
            throw new IllegalArgumentException("'" + shorten(s) + "' is not a decimal number");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(s); // at most 40 characters: cheap, and compact whatever the exponent
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is too large or too small");
        }
        return bounded(value, s, maxIntegerDigits, maxFractionDigits);
    }

    /** Checks a decimal that a JSON reader has already parsed (compactly); same bounds as {@link #parse}. */
    public static BigDecimal check(BigDecimal value, int maxIntegerDigits, int maxFractionDigits) {
        if (value.precision() > MAX_LENGTH) {
            throw new IllegalArgumentException("the number has more than " + MAX_LENGTH + " digits");
        }
        return bounded(value, value.toString(), maxIntegerDigits, maxFractionDigits);
    }

    /** A finite double within {@code [min, max]}, parsed from at most {@link #MAX_LENGTH} characters. */
    public static double parseDouble(String text, double min, double max) {
        BigDecimal value = parse(text, 15, 15);
        double d = value.doubleValue();
        if (!(d >= min && d <= max)) {
            throw new IllegalArgumentException("must be between " + plain(min) + " and " + plain(max));
        }
        return d;
    }

    /** Refuses NaN, infinities and values outside {@code [min, max]} of a double read by a JSON reader. */
    public static double check(double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("must be between " + plain(min) + " and " + plain(max));
        }
        return value;
    }

    private static BigDecimal bounded(BigDecimal value, String written, int maxIntegerDigits, int maxFractionDigits) {
        // precision - scale is the count of digits before the decimal point; both are small ints however large
        // the exponent, so this comparison costs nothing.
        if (value.signum() != 0 && (long) value.precision() - value.scale() > maxIntegerDigits) {
            throw new IllegalArgumentException("'" + shorten(written) + "' is too large (at most " + maxIntegerDigits
                    + " digits before the decimal point)");
        }
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        if (value.scale() > (long) maxFractionDigits + MAX_LENGTH) {
            throw new IllegalArgumentException("'" + shorten(written) + "' has more than " + maxFractionDigits
                    + " decimals");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > maxFractionDigits) {
            throw new IllegalArgumentException("'" + shorten(written) + "' has more than " + maxFractionDigits
                    + " decimals");
        }
        // A negative scale is at most maxIntegerDigits here, so this is small.
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static String shorten(String s) {
        return s.length() <= MAX_LENGTH ? s : s.substring(0, MAX_LENGTH) + "…";
    }
}
