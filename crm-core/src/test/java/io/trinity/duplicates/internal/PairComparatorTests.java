package io.trinity.duplicates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The comparison levels the 1 M benchmark showed wrong or missing pairs on: neighbours in one street, two homes in
 * one postal code, a household whose first names are only similar, swapped names with a typo, scanner misreadings.
 * Plain Java.
 */
class PairComparatorTests {

    private final PairComparator comparator = new PairComparator(Nicknames.all());
    private final Records records = new Records();

    private MatchRecord person(long id, String first, @Nullable String last, @Nullable String email,
            @Nullable String phone, @Nullable LocalDate birth, @Nullable String street, @Nullable String postal,
            String city, String country) {
        return records.record(id, first, last, email, phone, null, birth, street, postal, city, country, List.of());
    }

    private static byte level(byte[] g, Field field) {
        return g[field.ordinal()];
    }

    @Test
    void neighboursInOneStreetAreNotACloseStreet() {
        MatchRecord a = person(1, "Emma", "Walsh", null, null, null, "21 Main St", "99285", "Spokane", "US");
        MatchRecord b = person(2, "Emma", "Walsh", null, null, null, "23 Main Street", "99285", "Spokane", "US");
        MatchRecord c = person(3, "Emma", "Walsh", null, null, null, "21 Main Street", "99285", "Spokane", "US");
        assertThat(Field.ADDRESS.levels().get(level(comparator.compare(a, b), Field.ADDRESS))).isEqualTo("same city");
        assertThat(level(comparator.compare(a, c), Field.ADDRESS)).isZero(); // "St" is spelled out: the same home
    }

    @Test
    void twoStreetsInOnePostalCodeCountAsTheSameCityOnly() {
        MatchRecord a = person(1, "Kari", "Moen", null, null, null, "Skolegata 64", "9063", "Tromsø", "NO");
        MatchRecord b = person(2, "Kari", "Moen", null, null, null, "Havnegata 2", "9063", "Tromsø", "NO");
        MatchRecord c = person(3, "Kari", "Moen", null, null, null, null, "9063", "Tromsø", "NO");
        assertThat(Field.ADDRESS.levels().get(level(comparator.compare(a, b), Field.ADDRESS))).isEqualTo("same city");
        assertThat(Field.ADDRESS.levels().get(level(comparator.compare(a, c), Field.ADDRESS)))
                .isEqualTo("same postal code");
    }

    @Test
    void aHouseholdWithSimilarFirstNamesDoesNotCountItsPhoneTwice() {
        MatchRecord mark = person(1, "Mark", "Washington", "mark@example.com", "(480) 776-7159", null,
                "18 Washington Ave", "80360", "Boulder", "US");
        MatchRecord mary = person(2, "Mary", "Washington", null, "(480) 776-7159", null, "18 Washington Ave", "80360",
                "Boulder", "US");
        assertThat(level(comparator.compare(mark, mary), Field.PHONE)).isEqualTo(Field.HOUSEHOLD);
        // The same typo with the same e-mail is one person: the phone counts.
        MatchRecord marc = person(3, "Marc", "Washington", "mark@example.com", "(480) 776-7159", null,
                "18 Washington Ave", "80360", "Boulder", "US");
        assertThat(level(comparator.compare(mark, marc), Field.PHONE)).isZero();
    }

    @Test
    void swappedNamesWithATypoAreComparedCrossed() {
        MatchRecord a = person(1, "Sarah", "Mlller", null, null, null, null, null, "Boston", "US");
        MatchRecord b = person(2, "Millkr", "Sarah", null, null, null, null, null, "Boston", "US");
        byte[] g = comparator.compare(a, b);
        assertThat(level(g, Field.LAST_NAME)).isZero(); // crossed: Sarah = Sarah
        MatchRecord c = person(3, "Patricia", "Moore", null, null, null, null, null, "Boulder", "US");
        MatchRecord d = person(4, "Moore", "Pat", null, null, null, null, null, "Boulder", "US");
        assertThat(level(comparator.compare(c, d), Field.FIRST_NAME)).isZero(); // crossed: Moore = Moore
    }

    @Test
    void scannerMisreadingsAreCloseNames() {
        assertThat(PairComparator.close("ramos", "rarnos", PairComparator.LAST_CLOSE)).isTrue();
        assertThat(PairComparator.close("james", "jarnes", PairComparator.NAME_CLOSE)).isTrue();
        assertThat(PairComparator.close("donald", "clonald", PairComparator.NAME_CLOSE)).isTrue();
        assertThat(PairComparator.close("ramos", "garcia", PairComparator.LAST_CLOSE)).isFalse();
    }

    @Test
    void theBirthDateAndPostalCodeBlockANicknameWithATypo() {
        LocalDate birth = LocalDate.of(1970, 8, 19);
        MatchRecord a = person(1, "William", "Johnson", null, null, birth, "47 Mill Road", "60627", "Chicago", "US");
        MatchRecord b = person(2, "Bill", "Jhonsen", null, null, birth, "47 Mill Rd", "60627", "Chicago", "US");
        List<Blocking.Key> keys = Blocking.keys(a);
        assertThat(Blocking.keys(b)).anyMatch(k -> k.rule() == Blocking.Rule.BIRTH_DATE_AND_POSTAL_CODE
                && keys.contains(k));
    }
}
