package io.trinity.duplicates.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.jspecify.annotations.Nullable;

/**
 * Which pairs are worth comparing: those that share a blocking key under one of the {@link Rule}s. Never all pairs:
 * a key shared by more than {@link #MAX_BLOCK} records (a placeholder phone, "info@", John Smith) tells nobody apart
 * and is skipped. Keys are 64-bit hashes, so the full scan sorts numbers instead of hashing strings, and the table
 * of keys that incremental matching reads stays small. Plain Java; pairs come out sorted and unique, so a scan is
 * deterministic.
 */
public final class Blocking {

    public static final int MAX_BLOCK = 100;
    /** Records a scan can hold: positions are packed into 24 bits beside a 40-bit key hash. */
    public static final int MAX_RECORDS = 1 << 24;

    /**
     * A blocking rule and the fields its pairs agree on by construction: expectation–maximisation on the pairs of
     * one rule leaves those fields out (as Splink's training sessions do), since agreement there says nothing.
     */
    public enum Rule {
        EMAIL(EnumSet.of(Field.EMAIL)),
        EMAIL_LOCAL_PART(EnumSet.of(Field.EMAIL)),
        PHONE(EnumSet.of(Field.PHONE)),
        LOYALTY_NUMBER(EnumSet.of(Field.LOYALTY_NUMBER)),
        SOCIAL_HANDLE(EnumSet.of(Field.SOCIAL_HANDLE)),
        BIRTH_DATE_AND_NAME_SOUND(EnumSet.of(Field.BIRTH_DATE)),
        POSTAL_CODE_AND_NAME_SOUND(EnumSet.of(Field.ADDRESS)),
        NAME_SOUNDS(EnumSet.of(Field.FIRST_NAME, Field.LAST_NAME)),
        /** A nickname and a typo in the last name together still share the birthday and the postal code. */
        BIRTH_DATE_AND_POSTAL_CODE(EnumSet.of(Field.BIRTH_DATE, Field.ADDRESS));

        private final Set<Field> conditioned;

        Rule(Set<Field> conditioned) {
            this.conditioned = conditioned;
        }

        public Set<Field> conditioned() {
            return conditioned;
        }

        public int bit() {
            return 1 << ordinal();
        }
    }

    /** A record's key under a rule. */
    public record Key(Rule rule, String value) {

        public long hash() {
            return Blocking.hash(rule.ordinal(), value);
        }
    }

    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private Blocking() {
    }

    /** The blocking keys of one record. */
    public static List<Key> keys(MatchRecord r) {
        List<Key> keys = new ArrayList<>(10);
        if (r.email() != null) {
            keys.add(new Key(Rule.EMAIL, r.email()));
            keys.add(new Key(Rule.EMAIL_LOCAL_PART, Normalizer.localPart(r.email())));
        }
        if (r.phone() != null) {
            keys.add(new Key(Rule.PHONE, r.phone()));
        }
        if (r.loyalty() != null) {
            keys.add(new Key(Rule.LOYALTY_NUMBER, r.loyalty()));
        }
        for (String handle : r.handles()) {
            keys.add(new Key(Rule.SOCIAL_HANDLE, handle));
        }
        String first = sound(r.first());
        String last = sound(r.last());
        // Either name with the birth date or the postal code: a nickname, a swap or a typo in one name still
        // leaves the other.
        if (r.birthDate() != 0) {
            if (first != null) {
                keys.add(new Key(Rule.BIRTH_DATE_AND_NAME_SOUND, r.birthDate() + ":" + first));
            }
            if (last != null && !last.equals(first)) {
                keys.add(new Key(Rule.BIRTH_DATE_AND_NAME_SOUND, r.birthDate() + ":" + last));
            }
        }
        if (r.postalCode() != null) {
            if (last != null) {
                keys.add(new Key(Rule.POSTAL_CODE_AND_NAME_SOUND, r.postalCode() + ":" + last));
            }
            if (first != null && !first.equals(last)) {
                keys.add(new Key(Rule.POSTAL_CODE_AND_NAME_SOUND, r.postalCode() + ":" + first));
            }
        }
        if (r.birthDate() != 0 && r.postalCode() != null) {
            keys.add(new Key(Rule.BIRTH_DATE_AND_POSTAL_CODE, r.birthDate() + ":" + r.postalCode()));
        }
        if (first != null && last != null) {
            keys.add(new Key(Rule.NAME_SOUNDS, first.compareTo(last) <= 0 ? first + ":" + last : last + ":" + first));
        }
        return keys;
    }

    /** The phonetic code of a name (Double Metaphone, at most six letters); CJK names as written. */
    static @Nullable String sound(@Nullable String name) {
        if (name == null) {
            return null;
        }
        if (!Normalizer.isAscii(name)) {
            return name;
        }
        String compact = name.replace(" ", "");
        if (compact.length() <= 1) {
            return null; // an initial is too little to block on
        }
        String code = METAPHONE.doubleMetaphone(compact);
        return code == null || code.isEmpty() ? compact : code;
    }

    /** FNV-1a over the rule and the value's characters: stable across runs and JVMs. */
    static long hash(int rule, String value) {
        long h = 0xcbf29ce484222325L ^ rule;
        h *= 0x100000001b3L;
        for (int i = 0; i < value.length(); i++) {
            h ^= value.charAt(i);
            h *= 0x100000001b3L;
        }
        // A final mix so the upper bits, which the scan sorts on, depend on every character.
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** Candidate pairs: {@code pairs[k]} is {@code (i << 32) | j} with {@code i < j}, {@code rules[k]} its rule bits. */
    public record Candidates(long[] pairs, int[] rules) {

        public int size() {
            return pairs.length;
        }

        public int first(int k) {
            return (int) (pairs[k] >>> 32);
        }

        public int second(int k) {
            return (int) pairs[k];
        }
    }

    /** Candidate pairs of the records (by position), sorted and unique, each with the rules that proposed it. */
    public static Candidates candidates(List<MatchRecord> records) {
        if (records.size() >= MAX_RECORDS) {
            throw new IllegalArgumentException("a scan holds at most " + (MAX_RECORDS - 1) + " records");
        }
        Rule[] rules = Rule.values();
        long[][] keyed = new long[rules.length][];
        int[] counts = new int[rules.length];
        for (int r = 0; r < rules.length; r++) {
            keyed[r] = new long[Math.max(16, records.size())];
        }
        // Phonetic codes are the costly part: each record's keys on every core, then filed in order.
        List<?>[] perRecord = new List<?>[records.size()];
        java.util.stream.IntStream.range(0, records.size()).parallel()
                .forEach(i -> perRecord[i] = keys(records.get(i)));
        for (int i = 0; i < records.size(); i++) {
            @SuppressWarnings("unchecked")
            List<Key> recordKeys = (List<Key>) perRecord[i];
            perRecord[i] = null;
            for (Key key : recordKeys) {
                int r = key.rule().ordinal();
                if (counts[r] == keyed[r].length) {
                    keyed[r] = Arrays.copyOf(keyed[r], counts[r] * 2);
                }
                keyed[r][counts[r]++] = (key.hash() & ~0xFFFFFFL) | i;
            }
        }
        long[][] perRule = new long[rules.length][];
        java.util.stream.IntStream.range(0, rules.length).parallel().forEach(r -> {
            perRule[r] = pairsOf(Arrays.copyOf(keyed[r], counts[r]));
            keyed[r] = null;
        });
        return union(perRule);
    }

    /** Pairs within each run of equal keys (runs longer than {@link #MAX_BLOCK} skipped), sorted and unique. */
    static long[] pairsOf(long[] keyed) {
        Arrays.sort(keyed);
        long[] pairs = new long[Math.max(16, keyed.length)];
        int n = 0;
        int start = 0;
        while (start < keyed.length) {
            long key = keyed[start] & ~0xFFFFFFL;
            int end = start + 1;
            while (end < keyed.length && (keyed[end] & ~0xFFFFFFL) == key) {
                end++;
            }
            int size = end - start;
            if (size >= 2 && size <= MAX_BLOCK) {
                for (int a = start; a < end; a++) {
                    for (int b = a + 1; b < end; b++) {
                        int i = (int) (keyed[a] & 0xFFFFFF);
                        int j = (int) (keyed[b] & 0xFFFFFF);
                        if (i == j) {
                            continue; // one record with the key twice (both names sound alike)
                        }
                        if (n == pairs.length) {
                            pairs = Arrays.copyOf(pairs, n * 2);
                        }
                        pairs[n++] = ((long) Math.min(i, j) << 32) | Math.max(i, j);
                    }
                }
            }
            start = end;
        }
        long[] sorted = Arrays.copyOf(pairs, n);
        Arrays.sort(sorted);
        return unique(sorted);
    }

    private static long[] unique(long[] sorted) {
        int u = 0;
        for (int k = 0; k < sorted.length; k++) {
            if (k == 0 || sorted[k] != sorted[k - 1]) {
                sorted[u++] = sorted[k];
            }
        }
        return Arrays.copyOf(sorted, u);
    }

    /** Merges the rules' sorted pair lists into one, OR-ing the rule bits of a pair several rules found. */
    static Candidates union(long[][] perRule) {
        int total = 0;
        for (long[] p : perRule) {
            total += p.length;
        }
        long[] pairs = new long[total];
        int[] bits = new int[total];
        int[] at = new int[perRule.length];
        int n = 0;
        while (true) {
            long min = Long.MAX_VALUE;
            for (int r = 0; r < perRule.length; r++) {
                if (at[r] < perRule[r].length && perRule[r][at[r]] < min) {
                    min = perRule[r][at[r]];
                }
            }
            if (min == Long.MAX_VALUE) {
                break;
            }
            int mask = 0;
            for (int r = 0; r < perRule.length; r++) {
                if (at[r] < perRule[r].length && perRule[r][at[r]] == min) {
                    mask |= 1 << r;
                    at[r]++;
                }
            }
            pairs[n] = min;
            bits[n++] = mask;
        }
        return new Candidates(Arrays.copyOf(pairs, n), Arrays.copyOf(bits, n));
    }
}
