package io.trinity.demo;

import io.trinity.demo.SyntheticPeople.Person;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Makes the second record of a person the way CRMs collect them: a typo or an OCR slip in the name, a phonetic
 * spelling (Meyer/Maier), a nickname or an initial, first and last name swapped, the name without its accents
 * (Müller → Mueller, Ødegård → Odegard), a new e-mail address, the phone written another way, a birth date with a
 * digit wrong or day and month swapped, a move to another address, fields left empty. Each duplicate keeps the
 * person's {@code entity}, which is the truth the benchmark measures against. Plain Java, deterministic.
 */
public final class DuplicateMaker {

    private static final Map<String, String> NICKNAMES = Map.ofEntries(Map.entry("William", "Bill"),
            Map.entry("Robert", "Bob"), Map.entry("Richard", "Rick"), Map.entry("Elizabeth", "Liz"),
            Map.entry("Katherine", "Kate"), Map.entry("Margaret", "Peggy"), Map.entry("James", "Jim"),
            Map.entry("Michael", "Mike"), Map.entry("Thomas", "Tom"), Map.entry("Joseph", "Joe"),
            Map.entry("Jennifer", "Jenny"), Map.entry("Anthony", "Tony"), Map.entry("Christopher", "Chris"),
            Map.entry("Alexander", "Alex"), Map.entry("Daniel", "Dan"), Map.entry("Samuel", "Sam"),
            Map.entry("Nicholas", "Nick"), Map.entry("Edward", "Ed"), Map.entry("Benjamin", "Ben"),
            Map.entry("Matthew", "Matt"), Map.entry("Andrew", "Andy"), Map.entry("Steven", "Steve"),
            Map.entry("Patricia", "Pat"), Map.entry("Francisco", "Paco"), Map.entry("José", "Pepe"),
            Map.entry("Johannes", "Hans"), Map.entry("Friedrich", "Fritz"), Map.entry("Wolfgang", "Wolf"),
            Map.entry("Manuel", "Manolo"), Map.entry("Dolores", "Lola"), Map.entry("Ignacio", "Nacho"),
            Map.entry("Enrique", "Quique"), Map.entry("Rosario", "Charo"), Map.entry("Mercedes", "Merche"),
            Map.entry("Guadalupe", "Lupe"), Map.entry("Kristian", "Kris"), Map.entry("Susan", "Sue"),
            Map.entry("Jonathan", "Jon"), Map.entry("Timothy", "Tim"), Map.entry("Rebecca", "Becky"),
            Map.entry("Kathleen", "Kathy"), Map.entry("Deborah", "Debbie"), Map.entry("Victoria", "Vicky"),
            Map.entry("Zachary", "Zach"), Map.entry("Gregory", "Greg"), Map.entry("Jeffrey", "Jeff"),
            Map.entry("Abigail", "Abby"), Map.entry("Maximilian", "Max"), Map.entry("Katharina", "Kathi"),
            Map.entry("Stefanie", "Steffi"), Map.entry("Franziska", "Franzi"), Map.entry("Sebastian", "Basti"),
            Map.entry("Concepción", "Concha"), Map.entry("Encarnación", "Encarna"), Map.entry("Santiago", "Santi"),
            Map.entry("Alejandro", "Álex"), Map.entry("Ingeborg", "Inge"), Map.entry("Kristoffer", "Kris"));
    private static final String[][] PHONETIC = {{"ph", "f"}, {"c", "k"}, {"ie", "y"}, {"ey", "ai"}, {"ai", "ay"},
        {"th", "t"}, {"ck", "k"}, {"dt", "t"}, {"tz", "z"}, {"v", "w"}, {"z", "s"}, {"y", "i"}, {"ss", "s"},
        {"ll", "l"}, {"nn", "n"}, {"sen", "son"}, {"ez", "es"}, {"mm", "m"}};
    private static final String[][] OCR = {{"m", "rn"}, {"rn", "m"}, {"l", "1"}, {"o", "0"}, {"e", "c"},
        {"cl", "d"}, {"i", "l"}, {"u", "v"}, {"n", "h"}};

    /** What was done to a record, for the benchmark's breakdown. */
    public enum Change {
        TYPO, OCR, PHONETIC, NICKNAME, INITIAL, SWAPPED, TRANSLITERATED, NEW_EMAIL, PHONE_FORMAT, BIRTH_DATE,
        MOVED, ADDRESS_FORMAT, MISSING
    }

    /** A duplicate and how it differs from the person's first record. */
    public record Duplicate(Person person, List<Change> changes) {
    }

    private final SyntheticPeople people;
    private final SplittableRandom random;

    public DuplicateMaker(SyntheticPeople people) {
        this.people = people;
        this.random = people.random();
    }

    /**
     * People with about {@code share} of them given one or more duplicates (a few given two or three), shuffled
     * deterministically so a person's records are not next to each other.
     */
    public List<Person> withDuplicates(List<Person> base, double share) {
        List<Person> all = new ArrayList<>(base);
        for (Person p : base) {
            if (random.nextDouble() < share) {
                int copies = random.nextDouble() < 0.8 ? 1 : random.nextDouble() < 0.7 ? 2 : 3;
                for (int k = 0; k < copies; k++) {
                    all.add(duplicate(p).person());
                }
            }
        }
        for (int i = all.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Person t = all.get(i);
            all.set(i, all.get(j));
            all.set(j, t);
        }
        return all;
    }

    /** One messy copy of {@code p}: one to four changes. */
    public Duplicate duplicate(Person p) {
        List<Change> changes = new ArrayList<>();
        String first = p.first();
        String last = p.last();
        String email = p.email();
        String phone = p.phone();
        String loyalty = random.nextDouble() < 0.5 ? p.loyalty() : null; // the second record often lacks the card
        LocalDate birth = p.birthDate();
        String street = p.street();
        String postal = p.postalCode();
        String city = p.city();
        String region = p.region();
        int n = 1 + (random.nextDouble() < 0.5 ? 0 : random.nextDouble() < 0.6 ? 1 : random.nextDouble() < 0.6 ? 2 : 3);
        for (int k = 0; k < n; k++) {
            Change change = Change.values()[random.nextInt(Change.values().length)];
            changes.add(change);
            switch (change) {
                case TYPO -> {
                    if (random.nextBoolean()) {
                        last = typo(last);
                    } else {
                        first = typo(first);
                    }
                }
                case OCR -> last = replaceOne(last, OCR);
                case PHONETIC -> {
                    if (random.nextBoolean()) {
                        last = replaceOne(last, PHONETIC);
                    } else {
                        first = replaceOne(first, PHONETIC);
                    }
                }
                case NICKNAME -> first = first == null ? null : NICKNAMES.getOrDefault(first, first);
                case INITIAL -> first = first == null || first.isEmpty() ? first
                        : first.substring(0, first.offsetByCodePoints(0, 1)) + (random.nextBoolean() ? "." : "");
                case SWAPPED -> {
                    String t = first;
                    first = last;
                    last = t;
                }
                case TRANSLITERATED -> {
                    first = first == null ? null : ascii(first);
                    last = last == null ? null : ascii(last);
                }
                case NEW_EMAIL -> {
                    if (random.nextDouble() < 0.3) {
                        email = null;
                    } else {
                        SyntheticPeople.Market m = people.marketOf(p.country());
                        email = people.email(m, first == null ? "x" : first, last == null ? "x" : last, birth);
                    }
                }
                case PHONE_FORMAT -> phone = phone == null ? null : reformat(phone, p.country());
                case BIRTH_DATE -> birth = birth == null ? null : mistype(birth);
                case MOVED -> {
                    // Most moves stay in town; a mobile number usually survives a move.
                    SyntheticPeople.Market m = people.marketOf(p.country());
                    String[] place = m.places()[random.nextInt(m.places().length)];
                    if (random.nextDouble() < 0.65) {
                        for (String[] candidate : m.places()) {
                            if (candidate[0].equals(p.city())) {
                                place = candidate;
                            }
                        }
                    }
                    street = people.street(m);
                    postal = people.postalCode(m, place);
                    city = place[0];
                    region = place[1];
                    if (random.nextDouble() < 0.25) {
                        phone = random.nextBoolean() ? null : people.phone(m);
                    }
                }
                case ADDRESS_FORMAT -> street = street == null ? null : abbreviated(street);
                case MISSING -> {
                    switch (random.nextInt(5)) {
                        case 0 -> email = null;
                        case 1 -> phone = null;
                        case 2 -> birth = null;
                        case 3 -> {
                            street = null;
                            postal = null;
                        }
                        default -> first = null;
                    }
                }
            }
        }
        if (email != null && email.equals(p.email()) && random.nextDouble() < 0.15) {
            email = email.toUpperCase(Locale.ROOT); // typed in capitals
        }
        return new Duplicate(p.with(people.externalId(), first, last, email, phone, loyalty, birth, street, postal,
                city, region), changes);
    }

    String typo(@Nullable String s) {
        if (s == null || s.length() < 3 || s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN)) {
            return s;
        }
        int i = 1 + random.nextInt(s.length() - 1);
        StringBuilder b = new StringBuilder(s);
        switch (random.nextInt(4)) {
            case 0 -> b.deleteCharAt(i);
            case 1 -> b.insert(i, (char) ('a' + random.nextInt(26)));
            case 2 -> b.setCharAt(i, (char) ('a' + random.nextInt(26)));
            default -> {
                if (i < s.length() - 1) {
                    char c = b.charAt(i);
                    b.setCharAt(i, b.charAt(i + 1));
                    b.setCharAt(i + 1, c);
                } else {
                    b.deleteCharAt(i);
                }
            }
        }
        return b.toString();
    }

    String replaceOne(@Nullable String s, String[][] table) {
        if (s == null) {
            return null;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        int start = random.nextInt(table.length);
        for (int k = 0; k < table.length; k++) {
            String[] rule = table[(start + k) % table.length];
            int at = lower.indexOf(rule[0], 1);
            if (at > 0) {
                return s.substring(0, at) + rule[1] + s.substring(at + rule[0].length());
            }
        }
        return typo(s);
    }

    String reformat(String phone, String country) {
        String digits = phone.replaceAll("[^0-9]", "");
        String national = digits.startsWith("0") ? digits.substring(1) : digits;
        String code = switch (country) {
            case "US" -> "1";
            case "DE" -> "49";
            case "NO" -> "47";
            case "ES" -> "34";
            default -> "86";
        };
        return switch (random.nextInt(3)) {
            case 0 -> "+" + code + " " + national;
            case 1 -> "00" + code + national;
            default -> national.replaceAll("(\\d{3})(?=\\d)", "$1-");
        };
    }

    /** The street as written in a hurry: "Hauptstr. 5", "12 Main St", "C/ Mayor, 3", or with a typo. */
    String abbreviated(String street) {
        String s = street.replace("straße", "str.").replace("Straße", "Str.").replace(" Street", " St")
                .replace(" Avenue", " Ave").replace(" Road", " Rd").replace("Calle ", "C/ ").replace("veien", "vn.")
                .replace(" gate", " gt.").replace("gata", "gt.").replace(",", "");
        return s.equals(street) ? typo(street) : s;
    }

    LocalDate mistype(LocalDate d) {
        if (random.nextBoolean() && d.getDayOfMonth() <= 12 && d.getDayOfMonth() != d.getMonthValue()) {
            return LocalDate.of(d.getYear(), d.getDayOfMonth(), d.getMonthValue());
        }
        int day = d.getDayOfMonth();
        int other = day % 10 == 9 ? day - 1 : day + 1;
        return d.withDayOfMonth(Math.min(other, d.lengthOfMonth()));
    }

    /** The name as someone types it without accents or special letters: Müller → Mueller, Ødegård → Odegard. */
    public static String ascii(String s) {
        String t = s.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("Ä", "Ae").replace("Ö", "Oe")
                .replace("Ü", "Ue").replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("æ", "ae")
                .replace("Æ", "Ae").replace("å", "a").replace("Å", "A");
        return Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
