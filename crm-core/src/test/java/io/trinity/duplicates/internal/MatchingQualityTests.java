package io.trinity.duplicates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.trinity.demo.DuplicateMaker;
import io.trinity.demo.SyntheticPeople;
import io.trinity.demo.SyntheticPeople.Person;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The matcher on labelled data: 20,000 people of the five markets, about 5 % of them duplicated (some several times)
 * with typos, nicknames, swaps, moves, new e-mails …; the pairwise precision and recall of its clusters must meet
 * the product's targets. Plain Java, no Spring. {@code -Ddump=true} prints the wrong and the missed pairs and a
 * calibration table; {@code -Dpeople=N -Dseed=S} try other populations.
 */
class MatchingQualityTests {

    static final class Labelled {
        final List<MatchRecord> records = new ArrayList<>();
        long[] entity;
    }

    static Labelled labelled(int people, long seed) {
        SyntheticPeople generator = new SyntheticPeople(seed, "T-");
        List<Person> all = new DuplicateMaker(generator).withDuplicates(generator.people(people), 0.05);
        Records builder = new Records();
        Labelled l = new Labelled();
        l.entity = new long[all.size()];
        for (int i = 0; i < all.size(); i++) {
            Person p = all.get(i);
            l.records.add(builder.record(i + 1, p.first(), p.last(), p.email(), p.phone(), p.loyalty(), p.birthDate(),
                    p.street(), p.postalCode(), p.city(), p.country(), List.of()));
            l.entity[i] = p.entity();
        }
        return l;
    }

    static MatchQuality.Figures figures(Labelled l, Matcher.Result result, boolean reviewToo) {
        List<int[]> accepted = new ArrayList<>();
        for (Matcher.Scored s : result.pairs()) {
            if (s.band() == Matcher.Band.AUTO || reviewToo) {
                accepted.add(new int[] {s.first(), s.second()});
            }
        }
        return MatchQuality.of(l.entity, accepted);
    }

    @Test
    void clustersMeetThePrecisionAndRecallTargets() {
        Labelled l = labelled(Integer.getInteger("people", 20_000), Long.getLong("seed", 42));
        Matcher matcher = new Matcher(new PairComparator(Nicknames.all()), Matcher.Thresholds.DEFAULT);
        Matcher.Result result = matcher.scan(l.records, 7);
        MatchQuality.Figures auto = figures(l, result, false);
        MatchQuality.Figures all = figures(l, result, true);
        System.out.printf("records %d, candidates %d, lambda %.3g%nauto   %s%nreview %s%n", l.records.size(),
                result.candidates(), result.model().parameters().lambda(), auto, all);
        print(result.model());
        if (System.getProperty("priors") != null) {
            // How src/main/resources/io/trinity/duplicates/internal/priors.json was made (seed 42, 20,000 people).
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("priors")),
                        ModelStore.toJson(result.model().parameters()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (Boolean.getBoolean("dump")) {
            dump(l, matcher, result);
            calibration(l, matcher);
        }
        assertThat(auto.precision()).as("automatic band precision").isGreaterThanOrEqualTo(0.999);
        assertThat(all.precision()).as("automatic + review precision").isGreaterThanOrEqualTo(0.99);
        assertThat(all.recall()).as("automatic + review recall").isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void theSameDataGivesTheSamePairsAndParameters() {
        Labelled l = labelled(3_000, 5);
        Matcher matcher = new Matcher(new PairComparator(Nicknames.all()), Matcher.Thresholds.DEFAULT);
        Matcher.Result first = matcher.scan(l.records, 7);
        Matcher.Result second = matcher.scan(l.records, 7);
        assertThat(second.candidates()).isEqualTo(first.candidates());
        assertThat(second.model().parameters().lambda()).isEqualTo(first.model().parameters().lambda());
        assertThat(second.pairs()).hasSameSizeAs(first.pairs());
        for (int k = 0; k < first.pairs().size(); k++) {
            assertThat(second.pairs().get(k).probability()).isEqualTo(first.pairs().get(k).probability());
            assertThat(second.pairs().get(k).first()).isEqualTo(first.pairs().get(k).first());
        }
    }

    static void print(MatchModel model) {
        for (Field f : Field.values()) {
            StringBuilder b = new StringBuilder(f.name());
            for (int k = 0; k < f.levelCount(); k++) {
                b.append(String.format("  %s m=%.4f u=%.2g", f.levels().get(k), model.parameters().m()[f.ordinal()][k],
                        model.parameters().u()[f.ordinal()][k]));
            }
            System.out.println(b);
        }
        model.parameters().sessions().forEach(System.out::println);
    }

    /** True and false candidate pairs by match probability. */
    static void calibration(Labelled l, Matcher matcher) {
        Matcher everything = new Matcher(matcher.comparator(), new Matcher.Thresholds(0.999, 1e-9));
        Matcher.Result r = everything.scan(l.records, 7);
        double[] edges = {0, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999, 0.9999, 1.01};
        long[][] counts = new long[edges.length][2];
        for (Matcher.Scored s : r.pairs()) {
            int bin = 0;
            while (bin < edges.length - 2 && s.probability() >= edges[bin + 1]) {
                bin++;
            }
            counts[bin][l.entity[s.first()] == l.entity[s.second()] ? 0 : 1]++;
        }
        for (int b = 0; b < edges.length - 1; b++) {
            System.out.printf("p in [%s, %s): true %d, false %d%n", edges[b], edges[b + 1], counts[b][0], counts[b][1]);
        }
    }

    static void dump(Labelled l, Matcher matcher, Matcher.Result result) {
        int shown = 0;
        for (Matcher.Scored sc : result.pairs()) {
            if (l.entity[sc.first()] != l.entity[sc.second()] && shown++ < 12) {
                System.out.println(sc.band() + " " + sc.probability() + "\n  " + l.records.get(sc.first()) + "\n  "
                        + l.records.get(sc.second()) + "\n  "
                        + result.model().explain(sc.vector(), l.records.get(sc.second())));
            }
        }
        Map<Long, List<Integer>> byEntity = new HashMap<>();
        for (int i = 0; i < l.entity.length; i++) {
            byEntity.computeIfAbsent(l.entity[i], k -> new ArrayList<>()).add(i);
        }
        Set<Long> found = new HashSet<>();
        for (Matcher.Scored sc : result.pairs()) {
            found.add(((long) sc.first() << 32) | sc.second());
        }
        int missed = 0;
        for (List<Integer> members : byEntity.values()) {
            for (int x = 0; x < members.size(); x++) {
                for (int y = x + 1; y < members.size(); y++) {
                    int i = Math.min(members.get(x), members.get(y));
                    int j = Math.max(members.get(x), members.get(y));
                    if (!found.contains(((long) i << 32) | j) && missed++ < 14) {
                        byte[] g = matcher.comparator().compare(l.records.get(i), l.records.get(j));
                        System.out.println("MISSED " + result.model().probability(g, l.records.get(j)) + "\n  "
                                + l.records.get(i) + "\n  " + l.records.get(j) + "\n  "
                                + result.model().explain(g, l.records.get(j)));
                    }
                }
            }
        }
    }
}
