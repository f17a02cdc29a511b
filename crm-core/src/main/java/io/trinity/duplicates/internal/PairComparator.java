package io.trinity.duplicates.internal;

import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.jspecify.annotations.Nullable;

/**
 * Compares two records field by field into a comparison vector of levels ({@link Field}). Names by Jaro-Winkler
 * on normalised names, first and last name swapped, common nicknames and initials; e-mail exact or not; phone exact, else by its last seven digits; birth date exact, one digit off, or day and month swapped;
 * the address as one comparison (street, postal code, city: a move changes them together). Plain Java.
 */
public final class PairComparator {

    private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();
    private static final org.apache.commons.codec.language.DoubleMetaphone METAPHONE =
            new org.apache.commons.codec.language.DoubleMetaphone();
    static final double NAME_CLOSE = 0.88;
    static final double LAST_CLOSE = 0.90;
    static final double CLOSE = 0.90;

    private final Map<String, Set<String>> nicknames;

    public PairComparator(Map<String, Set<String>> nicknames) {
        this.nicknames = nicknames;
    }

    public byte[] compare(MatchRecord a, MatchRecord b) {
        byte[] g = new byte[Field.values().length];
        compareInto(a, b, g, 0);
        return g;
    }

    /** Writes the comparison vector of {@code a} and {@code b} into {@code out} at {@code offset}. */
    public void compareInto(MatchRecord a, MatchRecord b, byte[] out, int offset) {
        byte[] g = new byte[Field.values().length];
        String aFirst = a.first();
        String aLast = a.last();
        // A swapped pair (Kari Nordmann / Nordmann Kari, even with a typo) is compared crossed, when crossed both
        // names agree and straight they do not.
        // Crossed wins when its names agree clearly better than straight ones (Sarah Mlller / Millkr Sarah).
        if (aFirst != null && aLast != null && b.first() != null && b.last() != null && !aFirst.equals(aLast)) {
            boolean straight = firstName(aFirst, b.first()) < 3 && agrees(aLast, b.last());
            boolean crossed = agrees(aFirst, b.last()) && firstName(aLast, b.first()) < 3;
            if (!straight && !crossed) {
                double straightly = likeness(aFirst, b.first()) + likeness(aLast, b.last());
                double crossedly = likeness(aFirst, b.last()) + likeness(aLast, b.first());
                crossed = crossedly >= 1.6 && crossedly > straightly + 0.3;
            }
            if (crossed && !straight) {
                String t = aFirst;
                aFirst = aLast;
                aLast = t;
            }
        }
        g[Field.FIRST_NAME.ordinal()] = firstName(aFirst, b.first());
        g[Field.LAST_NAME.ordinal()] = similar(aLast, b.last(), LAST_CLOSE);
        g[Field.EMAIL.ordinal()] = email(a.email(), b.email());
        g[Field.PHONE.ordinal()] = phone(a.phone(), b.phone());
        g[Field.BIRTH_DATE.ordinal()] = birthDate(a.birthDate(), b.birthDate());
        g[Field.ADDRESS.ordinal()] = address(a, b);
        g[Field.LOYALTY_NUMBER.ordinal()] = a.loyalty() == null || b.loyalty() == null ? Field.MISSING
                : a.loyalty().equals(b.loyalty()) ? (byte) 0 : 1;
        g[Field.SOCIAL_HANDLE.ordinal()] = a.handles().isEmpty() || b.handles().isEmpty() ? Field.MISSING
                : a.handles().stream().anyMatch(b.handles()::contains) ? (byte) 0 : 1;
        // A household shares a home and often a landline, so agreement there is not independent evidence (as
        // Fellegi–Sunter assumes): with a different first name (and no agreeing birth date) or a different birth date
        // neither counts; with the same street, the phone counts only when the first names agree as well.
        byte birth = g[Field.BIRTH_DATE.ordinal()];
        byte first = g[Field.FIRST_NAME.ordinal()];
        byte address = g[Field.ADDRESS.ordinal()];
        boolean sameHome = address >= 0 && address <= 2;
        boolean samePhone = g[Field.PHONE.ordinal()] == 0 || g[Field.PHONE.ordinal()] == 1;
        if ((first == 3 && birth != 0) || birth == 3) {
            if (sameHome) {
                g[Field.ADDRESS.ordinal()] = Field.HOUSEHOLD;
            }
            if (samePhone) {
                g[Field.PHONE.ordinal()] = Field.HOUSEHOLD;
            }
        } else if (sameHome && samePhone && !(first == 0 || first == 1) && birth != 0
                && g[Field.EMAIL.ordinal()] != 0) {
            // Mark and Mary, Arne and Anne: first names only similar, sharing home and phone, nothing personal
            // (birth date, e-mail) agreeing — a household as often as a typo, so the phone is not counted twice.
            g[Field.PHONE.ordinal()] = Field.HOUSEHOLD;
        }
        System.arraycopy(g, 0, out, offset, g.length);
    }

    /** How alike two names are, from 0 to 1: a nickname or an initial counts as the same name. */
    private double likeness(String a, String b) {
        if (a.equals(b) || nickname(a, b) || nickname(b, a) || initial(a, b)) {
            return 1;
        }
        return JW.apply(a, b);
    }

    byte firstName(@Nullable String a, @Nullable String b) {
        if (a == null || b == null) {
            return Field.MISSING;
        }
        if (a.equals(b)) {
            return 0;
        }
        if (nickname(a, b) || initial(a, b)) {
            return 1;
        }
        return close(a, b, NAME_CLOSE) ? (byte) 2 : 3;
    }

    private boolean nickname(String a, String b) {
        Set<String> forA = nicknames.get(a);
        return forA != null && forA.contains(b);
    }

    /** "k" against "kari": one side is only the other's initial. */
    private static boolean initial(String a, String b) {
        return (a.length() == 1 && b.charAt(0) == a.charAt(0)) || (b.length() == 1 && a.charAt(0) == b.charAt(0));
    }

    static byte similar(@Nullable String a, @Nullable String b, double threshold) {
        if (a == null || b == null) {
            return Field.MISSING;
        }
        if (a.equals(b)) {
            return 0;
        }
        return close(a, b, threshold) ? (byte) 1 : 2;
    }

    /** A last name against a name that may be an initial of it ("u" for "uwe" in a swapped record). */
    private static boolean agrees(String a, String b) {
        return close(a, b, LAST_CLOSE) || initial(a, b);
    }

    /**
     * Two spellings of one name: the same sound (Sofie/Sophie, Meyer/Maier by Double Metaphone), Jaro-Winkler at least {@code threshold},
     * or one typing slip apart (a letter
     * missing, extra, wrong or two swapped: Scott/Skott, Smith/Smth) when both have at least four letters, or two
     * slips in long names.
     */
    static boolean close(@Nullable String a, @Nullable String b, double threshold) {
        if (a == null || b == null) {
            return false;
        }
        if (a.equals(b) || JW.apply(a, b) >= threshold) {
            return true;
        }
        if (a.length() >= 3 && b.length() >= 3 && Normalizer.isAscii(a) && Normalizer.isAscii(b)
                && METAPHONE.isDoubleMetaphoneEqual(a, b)) {
            return true;
        }
        int shorter = Math.min(a.length(), b.length());
        if (shorter >= 4 && slips(a, b, shorter >= 8 ? 2 : 1)) {
            return true;
        }
        // Scanned forms read "m" as "rn" and "d" as "cl" (Ramos / Rarnos): one slip once those are folded.
        String foldedA = ocrFolded(a);
        String foldedB = ocrFolded(b);
        return (foldedA != a || foldedB != b) && (foldedA.equals(foldedB)
                || (Math.min(foldedA.length(), foldedB.length()) >= 4 && slips(foldedA, foldedB, 1)));
    }

    private static String ocrFolded(String name) {
        return name.indexOf("rn") < 0 && name.indexOf("cl") < 0 ? name : name.replace("rn", "m").replace("cl", "d");
    }

    /** Whether the optimal-string-alignment distance of {@code a} and {@code b} is at most {@code max}. */
    static boolean slips(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return false;
        }
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return false;
            }
        }
        return d[n][m] <= max;
    }

    static byte email(@Nullable String a, @Nullable String b) {
        if (a == null || b == null) {
            return Field.MISSING;
        }
        if (a.equals(b)) {
            return 0;
        }
        // A similar local part is no evidence of its own: most are made of the name, which is compared already.
        return 1;
    }

    static byte phone(@Nullable String a, @Nullable String b) {
        if (a == null || b == null) {
            return Field.MISSING;
        }
        if (a.equals(b)) {
            return 0;
        }
        return a.length() >= 7 && b.length() >= 7 && a.endsWith(b.substring(b.length() - 7)) ? (byte) 1 : 2;
    }

    static byte birthDate(int a, int b) {
        if (a == 0 || b == 0) {
            return Field.MISSING;
        }
        if (a == b) {
            return 0;
        }
        String sa = Integer.toString(a);
        String sb = Integer.toString(b);
        int diff = 0;
        for (int i = 0; i < Math.min(sa.length(), sb.length()); i++) {
            if (sa.charAt(i) != sb.charAt(i)) {
                diff++;
            }
        }
        if (sa.length() == sb.length() && diff == 1) {
            return 1;
        }
        int year = a / 10_000;
        int month = a / 100 % 100;
        int day = a % 100;
        return b == year * 10_000 + day * 100 + month ? (byte) 2 : 3;
    }

    /** The digits of a street line in order, separated by a space ("12 b 3" → "12 3"). */
    static String numbers(String street) {
        StringBuilder out = new StringBuilder(4);
        boolean in = false;
        for (int i = 0; i < street.length(); i++) {
            char c = street.charAt(i);
            if (c >= '0' && c <= '9') {
                if (!in && !out.isEmpty()) {
                    out.append(' ');
                }
                out.append(c);
                in = true;
            } else {
                in = false;
            }
        }
        return out.toString();
    }

    static byte address(MatchRecord a, MatchRecord b) {
        boolean streets = a.street() != null && b.street() != null;
        boolean postal = a.postalCode() != null && b.postalCode() != null;
        boolean cities = a.city() != null && b.city() != null;
        if (!streets && !postal && !cities) {
            return Field.MISSING;
        }
        boolean samePostal = postal && a.postalCode().equals(b.postalCode());
        boolean sameCity = cities && (a.city().equals(b.city()) || JW.apply(a.city(), b.city()) >= CLOSE);
        boolean samePlace = samePostal || (!postal && sameCity);
        if (streets && a.street().equals(b.street()) && samePlace) {
            return 0;
        }
        // A close street is a spelling of the same address: the house numbers must agree (21 and 23 Main Street
        // are neighbours, not one home).
        if (streets && samePlace && JW.apply(a.street(), b.street()) >= CLOSE
                && numbers(a.street()).equals(numbers(b.street()))) {
            return 1;
        }
        // Two known, different streets in one postal code are two homes in one neighbourhood: no more than the same
        // city. The postal code alone counts when one side has no street.
        if (samePostal && !streets) {
            return 2;
        }
        if (sameCity || samePostal) {
            return 3;
        }
        return cities || postal ? (byte) 4 : Field.MISSING;
    }
}
