package io.trinity.duplicates.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.ibm.icu.text.Transliterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Puts the fields people type differently into one comparable form: names without case, accents or foreign letters
 * (Müller and Mueller → mueller, Ødegård → odegard, Łukasz → lukasz, Дмитрий → dmitrij; CJK names are kept as
 * written), e-mail addresses without case or "+tags", phone numbers in E.164 (libphonenumber), streets in ASCII
 * with the common abbreviations spelled out, postal codes without spaces. Plain Java and deterministic. Names
 * repeat a lot, so each distinct one is normalised once; plain ASCII, the usual case, never reaches ICU.
 */
public final class Normalizer {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Map<String, String> STREET_WORDS = Map.ofEntries(Map.entry("st", "street"),
            Map.entry("str", "strasse"), Map.entry("rd", "road"), Map.entry("ave", "avenue"), Map.entry("av", "avenue"),
            Map.entry("avda", "avenida"), Map.entry("blvd", "boulevard"), Map.entry("dr", "drive"),
            Map.entry("ln", "lane"), Map.entry("gt", "gata"), Map.entry("gate", "gata"), Map.entry("vn", "veien"), Map.entry("pl", "place"),
            Map.entry("c", "calle"), Map.entry("cl", "calle"), Map.entry("n", "north"), Map.entry("s", "south"),
            Map.entry("e", "east"), Map.entry("w", "west"), Map.entry("de", ""), Map.entry("del", ""),
            Map.entry("la", ""), Map.entry("the", ""));
    private static final Map<Character, String> LATIN_LETTERS = Map.ofEntries(Map.entry('ø', "o"),
            Map.entry('æ', "ae"), Map.entry('œ', "oe"), Map.entry('ł', "l"), Map.entry('đ', "d"), Map.entry('ð', "d"),
            Map.entry('þ', "th"), Map.entry('ı', "i"), Map.entry('ß', "ss"), Map.entry('ä', "ae"), Map.entry('ö', "oe"),
            Map.entry('ü', "ue"));

    private static final java.util.regex.Pattern NOT_ALPHANUMERIC = java.util.regex.Pattern.compile("[^a-z0-9]+");
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");

    /** ICU's transliterator is not documented thread-safe: one per thread. */
    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

    private final Map<String, String> names = new ConcurrentHashMap<>();

    /** A name as compared: lower-case ASCII letters and single spaces; CJK names as written. Null when empty. */
    public @Nullable String name(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String cached = names.get(raw);
        if (cached != null) {
            return cached.isEmpty() ? null : cached;
        }
        String normal = normaliseName(raw);
        if (names.size() < 2_000_000) {
            names.put(raw, normal == null ? "" : normal);
        }
        return normal;
    }

    static @Nullable String normaliseName(String raw) {
        String s = raw.strip();
        if (!isAscii(s)) {
            s = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC);
            if (s.codePoints().anyMatch(Normalizer::isCjk)) {
                s = s.replaceAll("[\\s\\p{P}]+", "");
                return s.isEmpty() ? null : s;
            }
            s = ascii(s);
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            if (c >= 'a' && c <= 'z') {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            } else if (c == ' ' || c == '-' || c == '.' || c == ',' || c == '\t') {
                space = true;
            } // apostrophes and digits vanish: O'Brien = OBrien
        }
        return out.isEmpty() ? null : out.toString();
    }

    /** Any Latin, Greek, Cyrillic … text in ASCII: umlauts as Germans write them without (ü → ue). */
    static String ascii(String s) {
        if (isAscii(s)) {
            return s;
        }
        StringBuilder mapped = new StringBuilder(s.length() + 4);
        boolean latin = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char lower = Character.toLowerCase(c);
            String replacement = LATIN_LETTERS.get(lower);
            if (replacement != null) {
                mapped.append(Character.isUpperCase(c) && !replacement.isEmpty()
                        ? Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1) : replacement);
            } else {
                mapped.append(c);
                if (c >= 0x250 && !Character.isWhitespace(c) && Character.getType(c) != Character.NON_SPACING_MARK) {
                    latin = false;
                }
            }
        }
        String t = mapped.toString();
        if (latin) {
            String stripped = MARKS.matcher(java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFD))
                    .replaceAll("");
            if (isAscii(stripped)) {
                return stripped;
            }
            t = stripped;
        }
        return TO_LATIN.get().transliterate(t);
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /** An e-mail address as compared: lower case, without a "+tag" in the local part. */
    public static @Nullable String email(@Nullable String raw) {
        if (raw == null || raw.isBlank() || raw.indexOf('@') < 1) {
            return null;
        }
        String s = raw.strip().toLowerCase(Locale.ROOT);
        int at = s.lastIndexOf('@');
        String local = s.substring(0, at);
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        return local + s.substring(at);
    }

    /** The part of an e-mail address before the @. */
    public static String localPart(String email) {
        return email.substring(0, email.lastIndexOf('@'));
    }

    /** A phone number in E.164 (+4791234567), read in the customer's country when it has no +; null if unreadable. */
    public static @Nullable String phone(@Nullable String raw, @Nullable String country) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            var number = PHONES.parse(raw, country == null ? "US" : country);
            return PHONES.isPossibleNumber(number) ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)
                    : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** A street line as compared: ASCII, lower case, abbreviations spelled out, fill words dropped, numbers kept. */
    public static @Nullable String street(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = ascii(raw.strip()).toLowerCase(Locale.ROOT);
        // German streets: "Hauptstr." = "Hauptstraße" = "Haupt Straße".
        s = s.replace("strasse", " strasse").replace("str.", " strasse ").replace("c/", "calle ")
                .replace("vn.", "veien").replace("gt.", "gata");
        StringBuilder out = new StringBuilder();
        for (String word : NOT_ALPHANUMERIC.split(s)) {
            String w = STREET_WORDS.getOrDefault(word, word);
            if (!w.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append(w);
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    /** Letters and digits of a postal code, upper case (SW1A 1AA = SW1A1AA). */
    public static @Nullable String postalCode(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 'a' && c <= 'z') {
                out.append((char) (c - 32));
            } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    /** A city as compared: like a name (München = Muenchen, A Coruña = a coruna). */
    public @Nullable String city(@Nullable String raw) {
        return name(raw);
    }
}
