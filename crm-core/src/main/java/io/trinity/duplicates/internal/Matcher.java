package io.trinity.duplicates.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * A full scan: candidate pairs by blocking, their comparison vectors, {@code u} from a seeded random sample of all
 * pairs, {@code m} and {@code lambda} by EM over the candidates ({@link MatchModel}), then every candidate scored
 * and banded. Plain Java over records already in memory; the same records and seed give the same pairs, scores and
 * parameters (the comparisons run on several cores, each into its own slot).
 */
public final class Matcher {

    /** Where a pair lands: merged automatically (when enabled) or reviewed by a person. */
    public enum Band {
        AUTO, REVIEW;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The thresholds of the bands. */
    public record Thresholds(double auto, double review) {

        /** Automatic from 0.999 (with a strong key); review from 0.5, "more likely one person than two". */
        public static final Thresholds DEFAULT = new Thresholds(0.999, 0.5);

        public Thresholds {
            if (!(review > 0 && review <= auto && auto < 1)) {
                throw new IllegalArgumentException("thresholds must satisfy 0 < review ≤ auto < 1");
            }
        }

        /** The band of a pair: automatic needs the threshold and at least one strong key agreeing exactly. */
        public @Nullable Band band(double probability, byte[] vector) {
            if (probability >= auto && strongKeyAgrees(vector)) {
                return Band.AUTO;
            }
            return probability >= review ? Band.REVIEW : null;
        }
    }

    /** A pair worth keeping (at least the review threshold): positions in the scanned list. */
    public record Scored(int first, int second, double probability, Band band, byte[] vector) {
    }

    /** What a scan found, with the model it estimated. */
    public record Result(MatchModel model, int candidates, List<Scored> pairs) {
    }

    /** Progress callback: a phase name and a percentage. */
    public interface Progress {
        void at(String phase, int percent);

        Progress NONE = (phase, percent) -> {
        };
    }

    /** Random pairs compared for {@code u}: two million resolve a level as rare as one in four million. */
    public static final int SAMPLE = 2_000_000;

    /** Below this many customers a scan uses the shipped {@link Priors} instead of estimating its own. */
    public static final int MIN_ESTIMATE = 2_000;

    private final PairComparator comparator;
    private final Thresholds thresholds;

    public Matcher(PairComparator comparator, Thresholds thresholds) {
        this.comparator = comparator;
        this.thresholds = thresholds;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public Result scan(List<MatchRecord> records, long seed) {
        return scan(records, seed, Progress.NONE);
    }

    public Result scan(List<MatchRecord> records, long seed, Progress progress) {
        progress.at("blocking", 20);
        Blocking.Candidates candidates = Blocking.candidates(records);
        int width = MatchModel.WIDTH;
        int n = candidates.size();
        progress.at("comparing", 35);
        byte[] vectors = new byte[n * width];
        int chunk = 65_536;
        IntStream.range(0, (n + chunk - 1) / chunk).parallel().forEach(c -> {
            for (int p = c * chunk; p < Math.min(n, (c + 1) * chunk); p++) {
                comparator.compareInto(records.get(candidates.first(p)), records.get(candidates.second(p)), vectors,
                        p * width);
            }
        });
        progress.at("estimating", 60);
        MatchModel model = records.size() < MIN_ESTIMATE
                ? new MatchModel(Priors.forBase(records.size()), frequencies(records))
                : estimate(records, vectors, candidates.rules(), n, seed);
        progress.at("scoring", 75);
        // Chunks on every core, each into its own list, joined in order: the same pairs in the same order.
        int chunks = (n + chunk - 1) / chunk;
        List<List<Scored>> perChunk = IntStream.range(0, chunks).parallel().mapToObj(c -> {
            List<Scored> kept = new ArrayList<>();
            byte[] g = new byte[width];
            for (int p = c * chunk; p < Math.min(n, (c + 1) * chunk); p++) {
                System.arraycopy(vectors, p * width, g, 0, width);
                MatchRecord b = records.get(candidates.second(p));
                double probability = model.probability(g, b);
                Band band = thresholds.band(probability, g);
                if (band != null) {
                    kept.add(new Scored(candidates.first(p), candidates.second(p), probability, band, g.clone()));
                }
            }
            return kept;
        }).toList();
        List<Scored> kept = new ArrayList<>();
        perChunk.forEach(kept::addAll);
        return new Result(model, n, kept);
    }

    /** The model from the data: {@code u} by sampling random pairs, {@code m} and {@code lambda} by EM. */
    public MatchModel estimate(List<MatchRecord> records, byte[] candidateVectors, int[] rules, int candidates,
            long seed) {
        List<byte[]> sample = List.of();
        int n = records.size();
        if (n >= 2) {
            // The pairs are drawn in order from the seed, then compared on every core.
            SplittableRandom random = new SplittableRandom(seed);
            int size = (int) Math.min(SAMPLE, (long) n * (n - 1) / 2);
            long[] drawn = new long[size];
            for (int k = 0; k < size; k++) {
                int i = random.nextInt(n);
                int j = random.nextInt(n - 1);
                if (j >= i) {
                    j++;
                }
                drawn[k] = ((long) i << 32) | j;
            }
            byte[][] compared = new byte[size][];
            IntStream.range(0, size).parallel().forEach(k -> compared[k] = comparator
                    .compare(records.get((int) (drawn[k] >>> 32)), records.get((int) drawn[k])));
            sample = java.util.Arrays.asList(compared);
        }
        double[][] u = MatchModel.estimateU(sample);
        MatchModel.Parameters parameters = MatchModel.estimate(candidateVectors, rules, candidates, u, n, 200);
        return new MatchModel(parameters, frequencies(records));
    }

    static Map<Field, Map<String, Double>> frequencies(List<MatchRecord> records) {
        Map<Field, Map<String, Double>> tf = new EnumMap<>(Field.class);
        tf.put(Field.FIRST_NAME, MatchModel.frequencies(records, MatchRecord::first));
        tf.put(Field.LAST_NAME, MatchModel.frequencies(records, MatchRecord::last));
        return tf;
    }

    static boolean strongKeyAgrees(byte[] vector) {
        for (Field f : Field.values()) {
            if (f.strongKey() && vector[f.ordinal()] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Scores one record against candidates (incremental matching) with a stored model. */
    public List<Scored> score(MatchModel model, MatchRecord record, List<MatchRecord> others) {
        List<Scored> kept = new ArrayList<>();
        for (int k = 0; k < others.size(); k++) {
            MatchRecord other = others.get(k);
            if (other.id() == record.id()) {
                continue;
            }
            MatchRecord a = record.id() < other.id() ? record : other;
            MatchRecord b = record.id() < other.id() ? other : record;
            byte[] g = comparator.compare(a, b);
            double probability = model.probability(g, b);
            Band band = thresholds.band(probability, g);
            if (band != null) {
                kept.add(new Scored(-1, k, probability, band, g));
            }
        }
        return kept;
    }

    public PairComparator comparator() {
        return comparator;
    }
}
