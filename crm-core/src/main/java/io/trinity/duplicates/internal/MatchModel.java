package io.trinity.duplicates.internal;

import io.trinity.duplicates.internal.Blocking.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The Fellegi–Sunter model of two records being one person, its parameters estimated from the data the way Splink
 * does it:
 * <ul>
 * <li>{@code u} (how often two different people show a level) from comparisons of random pairs, which are almost
 * all different people;</li>
 * <li>{@code m} (how often the records of one person show it) by expectation–maximisation over the candidate
 * pairs, in training sessions of one blocking rule each with the rule's own fields left out (pairs blocked on the
 * e-mail address all agree on it, which says nothing about matches); each field's {@code m} is the average over
 * the sessions that estimated it, weighted by the matches each expects;</li>
 * <li>{@code lambda}, the chance that two random records are one person: the matches expected among the pairs
 * sharing an e-mail address (from that session's EM), divided by the share of matches that share one (from the
 * name session's posteriors), over all pairs.</li>
 * </ul>
 * A level's weight is {@code log2(m/u)} bits; exact agreement on a name weighs {@code log2(m / frequency of
 * that value)} instead (term-frequency adjustment), so agreeing on "chen" says less than agreeing on "odegard". A
 * missing field weighs nothing. Plain Java; the same inputs give the same parameters.
 */
public final class MatchModel {

    static final double FLOOR = 1e-9;
    static final int WIDTH = Field.values().length;

    /** One field's level and its weight (bits) in a pair's explanation. */
    public record Evidence(Field field, String level, double weight) {
    }

    /** One training session: a blocking rule's pairs, the fields it estimated, what EM found. */
    public record Session(Rule rule, long pairs, double lambda, int iterations, boolean converged) {
    }

    /** The estimated parameters, as stored with their version. */
    public record Parameters(double lambda, double[][] m, double[][] u, List<Session> sessions) {

        public Parameters {
            if (m.length != WIDTH || u.length != WIDTH) {
                throw new IllegalArgumentException("one row of m and u per field");
            }
        }
    }

    private final Parameters parameters;
    private final Map<Field, Map<String, Double>> frequencies;
    private final double[][] weights;
    private final double prior;

    public MatchModel(Parameters parameters, Map<Field, Map<String, Double>> frequencies) {
        this.parameters = parameters;
        this.frequencies = frequencies;
        this.weights = new double[WIDTH][];
        for (Field f : Field.values()) {
            double[] w = new double[f.levelCount()];
            for (int l = 0; l < w.length; l++) {
                w[l] = Math.log(clamp(parameters.m()[f.ordinal()][l]) / clamp(parameters.u()[f.ordinal()][l]));
            }
            weights[f.ordinal()] = w;
        }
        this.prior = Math.log(parameters.lambda() / (1 - parameters.lambda()));
    }

    public Parameters parameters() {
        return parameters;
    }

    public Map<Field, Map<String, Double>> frequencies() {
        return frequencies;
    }

    /** {@code u} from the comparison vectors of random pairs: each level's share among pairs where it is known. */
    public static double[][] estimateU(List<byte[]> randomPairs) {
        double[][] u = new double[WIDTH][];
        for (Field f : Field.values()) {
            double[] counts = new double[f.levelCount()];
            Arrays.fill(counts, 0.5); // a pseudo-count: a level never seen at random is rare, not impossible
            for (byte[] g : randomPairs) {
                byte level = g[f.ordinal()];
                if (Field.known(level)) {
                    counts[level]++;
                }
            }
            u[f.ordinal()] = normalised(counts);
        }
        return u;
    }

    /** Distinct comparison vectors and how many pairs show each: EM runs over these, not over millions of pairs. */
    static final class Patterns {
        final Map<Integer, double[]> counts = new HashMap<>();

        void add(byte[] vectors, int offset, Set<Field> leftOut) {
            int key = 0;
            for (int f = 0; f < WIDTH; f++) {
                byte level = vectors[offset + f];
                if (leftOut.contains(Field.values()[f])) {
                    level = Field.MISSING;
                }
                key = key * 8 + (level + 2);
            }
            counts.computeIfAbsent(key, k -> new double[1])[0]++;
        }

        static byte[] levels(int key) {
            byte[] g = new byte[WIDTH];
            for (int f = WIDTH - 1; f >= 0; f--) {
                g[f] = (byte) ((key & 7) - 2);
                key >>>= 3;
            }
            return g;
        }

        long total() {
            long n = 0;
            for (double[] c : counts.values()) {
                n += (long) c[0];
            }
            return n;
        }
    }

    /** What one EM session found. */
    record Fit(double[][] m, boolean[] estimated, double lambda, int iterations, boolean converged,
            Map<Integer, Double> posteriors) {
    }

    /**
     * EM over the patterns of one session. Both classes are estimated (the session's non-matches are not random
     * pairs: two people of the same name usually live in the same country, so they share a city far more often than
     * random pairs do; holding {@code u} at its random-pair value would count that as evidence of a match). Only the
     * session's {@code m} is kept. Fields left out keep {@code estimated = false}.
     */
    static Fit em(Patterns patterns, double[][] randomU, Set<Field> leftOut, int maxIterations) {
        double[][] m = new double[WIDTH][];
        double[][] u = new double[WIDTH][];
        boolean[] estimated = new boolean[WIDTH];
        for (Field f : Field.values()) {
            double[] start = new double[f.levelCount()];
            start[0] = 0.9;
            for (int l = 1; l < start.length; l++) {
                start[l] = 0.1 / (start.length - 1);
            }
            m[f.ordinal()] = start;
            u[f.ordinal()] = randomU[f.ordinal()].clone();
            estimated[f.ordinal()] = !leftOut.contains(f);
        }
        List<Integer> keys = new ArrayList<>(patterns.counts.keySet());
        keys.sort(Integer::compare); // a fixed order: sums come out bit for bit the same every time
        byte[][] levels = new byte[keys.size()][];
        double[] count = new double[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
            levels[k] = Patterns.levels(keys.get(k));
            count[k] = patterns.counts.get(keys.get(k))[0];
        }
        double total = Arrays.stream(count).sum();
        double lambda = 0.05;
        double[] posterior = new double[keys.size()];
        int iteration = 0;
        boolean converged = false;
        while (iteration < maxIterations && !converged) {
            iteration++;
            double logPrior = Math.log(lambda / (1 - lambda));
            double[][] mWeighted = new double[WIDTH][];
            double[][] uWeighted = new double[WIDTH][];
            double[] mKnown = new double[WIDTH];
            double[] uKnown = new double[WIDTH];
            for (Field f : Field.values()) {
                mWeighted[f.ordinal()] = new double[f.levelCount()];
                uWeighted[f.ordinal()] = new double[f.levelCount()];
            }
            double matches = 0;
            for (int k = 0; k < levels.length; k++) {
                double logit = logPrior;
                for (int f = 0; f < WIDTH; f++) {
                    byte level = levels[k][f];
                    if (Field.known(level) && estimated[f]) {
                        logit += Math.log(clamp(m[f][level]) / clamp(u[f][level]));
                    }
                }
                double p = 1 / (1 + Math.exp(-logit));
                posterior[k] = p;
                matches += p * count[k];
                for (int f = 0; f < WIDTH; f++) {
                    byte level = levels[k][f];
                    if (Field.known(level) && estimated[f]) {
                        mWeighted[f][level] += p * count[k];
                        mKnown[f] += p * count[k];
                        uWeighted[f][level] += (1 - p) * count[k];
                        uKnown[f] += (1 - p) * count[k];
                    }
                }
            }
            double change = 0;
            for (int f = 0; f < WIDTH; f++) {
                if (!estimated[f]) {
                    continue;
                }
                int levelsOf = mWeighted[f].length;
                double[] nextM = new double[levelsOf];
                double[] nextU = new double[levelsOf];
                for (int l = 0; l < levelsOf; l++) {
                    nextM[l] = mKnown[f] > 0 ? (mWeighted[f][l] + 1e-3) / (mKnown[f] + 1e-3 * levelsOf) : m[f][l];
                    nextU[l] = uKnown[f] > 0 ? (uWeighted[f][l] + 1e-3) / (uKnown[f] + 1e-3 * levelsOf) : u[f][l];
                    change = Math.max(change, Math.abs(nextM[l] - m[f][l]));
                }
                m[f] = nextM;
                u[f] = nextU;
            }
            double nextLambda = Math.min(1 - 1e-6, Math.max(1e-6, matches / Math.max(1, total)));
            change = Math.max(change, Math.abs(nextLambda - lambda));
            lambda = nextLambda;
            converged = change < 1e-7;
        }
        Map<Integer, Double> posteriors = new HashMap<>();
        for (int k = 0; k < keys.size(); k++) {
            posteriors.put(keys.get(k), posterior[k]);
        }
        return new Fit(m, estimated, lambda, iteration, converged, posteriors);
    }

    /**
     * All parameters from the candidates' comparison vectors ({@code pairs} rows of {@link #WIDTH} bytes, flat), the
     * rules that proposed each pair, {@code u} from random pairs and the number of records.
     */
    public static Parameters estimate(byte[] vectors, int[] rules, int pairs, double[][] u, long records,
            int maxIterations) {
        List<Rule> training = List.of(Rule.EMAIL, Rule.PHONE, Rule.NAME_SOUNDS);
        Map<Rule, Fit> fits = new EnumMap<>(Rule.class);
        Map<Rule, Patterns> sessionPatterns = new EnumMap<>(Rule.class);
        List<Session> sessions = new ArrayList<>();
        for (Rule rule : training) {
            Patterns patterns = new Patterns();
            for (int p = 0; p < pairs; p++) {
                if ((rules[p] & rule.bit()) != 0) {
                    patterns.add(vectors, p * WIDTH, rule.conditioned());
                }
            }
            if (patterns.total() < 10) {
                continue;
            }
            Fit fit = em(patterns, u, rule.conditioned(), maxIterations);
            fits.put(rule, fit);
            sessionPatterns.put(rule, patterns);
            sessions.add(new Session(rule, patterns.total(), fit.lambda(), fit.iterations(), fit.converged()));
        }
        double[][] m = new double[WIDTH][];
        for (Field f : Field.values()) {
            double[] sum = new double[f.levelCount()];
            double weight = 0;
            for (Map.Entry<Rule, Fit> e : fits.entrySet()) {
                Fit fit = e.getValue();
                if (fit.estimated()[f.ordinal()]) {
                    double w = fit.lambda() * sessionPatterns.get(e.getKey()).total();
                    for (int l = 0; l < sum.length; l++) {
                        sum[l] += w * fit.m()[f.ordinal()][l];
                    }
                    weight += w;
                }
            }
            if (weight == 0) {
                // No session saw this field: it neither helps nor hurts (m = u).
                m[f.ordinal()] = u[f.ordinal()].clone();
            } else {
                for (int l = 0; l < sum.length; l++) {
                    sum[l] /= weight;
                }
                m[f.ordinal()] = sum;
            }
        }
        double lambda = lambda(fits, sessionPatterns, records);
        return new Parameters(lambda, m, identifierU(u, fits, sessionPatterns, records), sessions);
    }

    /**
     * {@code u} of exact agreement on an identifier (e-mail, phone) counted instead of sampled: a random sample of a
     * few hundred thousand pairs almost never shares an e-mail address, so sampling only bounds it by its pseudo-count
     * (about one in a million), while every pair that shares one is a candidate of that rule's session, whose EM says
     * how many of them are different people. Kept only where it is the smaller estimate.
     */
    static double[][] identifierU(double[][] sampled, Map<Rule, Fit> fits, Map<Rule, Patterns> patterns,
            long records) {
        double[][] u = new double[WIDTH][];
        for (int f = 0; f < WIDTH; f++) {
            u[f] = sampled[f].clone();
        }
        double allPairs = Math.max(1, records * (records - 1) / 2.0);
        for (Rule rule : List.of(Rule.EMAIL, Rule.PHONE)) {
            Fit fit = fits.get(rule);
            if (fit == null) {
                continue;
            }
            Field field = rule == Rule.EMAIL ? Field.EMAIL : Field.PHONE;
            double counted = Math.max(FLOOR, (1 - fit.lambda()) * patterns.get(rule).total() / allPairs);
            if (counted < u[field.ordinal()][0]) {
                double removed = u[field.ordinal()][0] - counted;
                u[field.ordinal()][0] = counted;
                // The rest of the level's probability goes to "different", so the levels still sum to one.
                u[field.ordinal()][field.levelCount() - 1] += removed;
            }
        }
        return u;
    }

    /**
     * The chance two random records are one person: matches expected among pairs sharing an e-mail address, over
     * the share of all matches that share one (from the name session), over all pairs of records.
     */
    static double lambda(Map<Rule, Fit> fits, Map<Rule, Patterns> patterns, long records) {
        double allPairs = Math.max(1, records * (records - 1) / 2.0);
        Fit email = fits.get(Rule.EMAIL);
        Fit names = fits.get(Rule.NAME_SOUNDS);
        if (email != null && names != null) {
            double expected = email.lambda() * patterns.get(Rule.EMAIL).total();
            double withEmail = 0;
            double all = 0;
            for (Map.Entry<Integer, double[]> e : patterns.get(Rule.NAME_SOUNDS).counts.entrySet()) {
                double p = names.posteriors().get(e.getKey()) * e.getValue()[0];
                all += p;
                if (Patterns.levels(e.getKey())[Field.EMAIL.ordinal()] == 0) {
                    withEmail += p;
                }
            }
            double share = all > 0 ? withEmail / all : 0;
            if (share > 0.01) {
                return Math.min(0.5, Math.max(1e-12, expected / share / allPairs));
            }
        }
        // Without both sessions: the matches the largest session expects, as a lower bound.
        double expected = 0;
        for (Map.Entry<Rule, Fit> e : fits.entrySet()) {
            expected = Math.max(expected, e.getValue().lambda() * patterns.get(e.getKey()).total());
        }
        return Math.min(0.5, Math.max(1e-12, Math.max(1, expected) / allPairs));
    }

    /** log odds (natural) that the pair is one person. */
    public double logOdds(byte[] g, MatchRecord b) {
        double logit = prior;
        for (int f = 0; f < WIDTH; f++) {
            byte level = g[f];
            if (Field.known(level)) {
                logit += weight(Field.values()[f], level, b);
            }
        }
        return logit;
    }

    /** The match probability of a pair's comparison vector; {@code b} is the pair's second record. */
    public double probability(byte[] g, MatchRecord b) {
        return 1 / (1 + Math.exp(-logOdds(g, b)));
    }

    /** Each field's level and weight in bits ({@code log2(m/u)}), strongest first; missing fields weigh 0. */
    public List<Evidence> explain(byte[] g, MatchRecord b) {
        List<Evidence> evidence = new ArrayList<>();
        for (Field f : Field.values()) {
            byte level = g[f.ordinal()];
            if (level == Field.MISSING) {
                evidence.add(new Evidence(f, "missing", 0));
            } else if (level == Field.HOUSEHOLD) {
                evidence.add(new Evidence(f, "shared by a household", 0));
            } else {
                double bits = weight(f, level, b) / Math.log(2);
                evidence.add(new Evidence(f, f.levels().get(level), Math.round(bits * 100) / 100.0));
            }
        }
        evidence.sort((x, y) -> Double.compare(Math.abs(y.weight()), Math.abs(x.weight())));
        return evidence;
    }

    /**
     * Natural-log weight of a level. Exact agreement on a name weighs against how common the name is among the
     * customers of that country, in whichever of the two name fields it is commoner (a record with first and last
     * name swapped must not make "Antonio" look like a rare surname).
     */
    double weight(Field f, byte level, MatchRecord b) {
        if (level == 0 && f.termFrequency()) {
            String value = f == Field.FIRST_NAME ? b.first() : b.last();
            if (value != null) {
                String key = termKey(b.country(), value);
                Double asFirst = frequencies.getOrDefault(Field.FIRST_NAME, Map.of()).get(key);
                Double asLast = frequencies.getOrDefault(Field.LAST_NAME, Map.of()).get(key);
                if (asFirst != null || asLast != null) {
                    double tf = Math.max(asFirst == null ? 0 : asFirst, asLast == null ? 0 : asLast);
                    return Math.log(clamp(parameters.m()[f.ordinal()][0]) / Math.max(tf, 1e-7));
                }
            }
        }
        return weights[f.ordinal()][level];
    }

    static double clamp(double p) {
        return Math.min(1 - FLOOR, Math.max(FLOOR, p));
    }

    private static double[] normalised(double[] counts) {
        double sum = Arrays.stream(counts).sum();
        return Arrays.stream(counts).map(c -> c / sum).toArray();
    }

    /** The key of a value's term frequency: the value within its country. */
    public static String termKey(@Nullable String country, String value) {
        return (country == null ? "" : country) + "|" + value;
    }

    /**
     * Relative frequencies of a field's values within each country ({@link #termKey}), for the term-frequency
     * adjustment: "hanne" is rare among all customers but common among Norwegians, and two Norwegians are who
     * agree on it.
     */
    public static Map<String, Double> frequencies(List<MatchRecord> records, java.util.function.Function<MatchRecord,
            @Nullable String> field) {
        Map<String, Double> counts = new HashMap<>();
        Map<String, Integer> perCountry = new HashMap<>();
        for (MatchRecord r : records) {
            String v = field.apply(r);
            if (v != null) {
                counts.merge(termKey(r.country(), v), 1.0, Double::sum);
                perCountry.merge(r.country() == null ? "" : r.country(), 1, Integer::sum);
            }
        }
        counts.replaceAll((k, c) -> c / perCountry.get(k.substring(0, k.indexOf('|'))));
        return counts;
    }
}
