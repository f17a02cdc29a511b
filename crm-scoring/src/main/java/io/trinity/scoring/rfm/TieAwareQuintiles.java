package io.trinity.scoring.rfm;

import java.util.Arrays;

/**
 * Quintile scores 1–5 where equal values always get equal scores: {@code score = 1 + floor(5 × w / n)}, with
 * {@code n} the number of scored customers and {@code w} how many of them are strictly worse. (SQL's NTILE splits
 * ties across buckets, which is why it is not used.) The thresholds let a later, incremental rescore place a new
 * value against the same population without recomputing it.
 */
public final class TieAwareQuintiles {

    private TieAwareQuintiles() {
    }

    /** Scores where a larger value is better (frequency, monetary). */
    public static int[] higherIsBetter(long[] values) {
        int n = values.length;
        int[] scores = new int[n];
        if (n == 0) {
            return scores;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < n; i++) {
            int worse = lowerBound(sorted, values[i]); // how many are strictly smaller
            scores[i] = score(worse, n);
        }
        return scores;
    }

    /** Scores where a smaller value is better (days since the last purchase). */
    public static int[] lowerIsBetter(long[] values) {
        long[] negated = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            negated[i] = -values[i];
        }
        return higherIsBetter(negated);
    }

    static int score(long worse, long n) {
        return (int) (1 + (5 * worse) / n);
    }

    /**
     * For a higher-is-better metric, the smallest value that reaches each score 2..5 in this population
     * ({@code thresholds[k-2]} for score k); {@code Long.MAX_VALUE} where no value reaches it.
     */
    public static long[] thresholds(long[] values) {
        long[] thresholds = new long[4];
        Arrays.fill(thresholds, Long.MAX_VALUE);
        int n = values.length;
        if (n == 0) {
            return thresholds;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < n; i++) {
            if (i > 0 && sorted[i] == sorted[i - 1]) {
                continue;
            }
            int s = score(i, n); // i = number strictly smaller than sorted[i]
            for (int k = 2; k <= s; k++) {
                thresholds[k - 2] = Math.min(thresholds[k - 2], sorted[i]);
            }
        }
        return thresholds;
    }

    /** Places a value against thresholds from {@link #thresholds}: 1 plus how many thresholds it reaches. */
    public static int place(long value, long[] thresholds) {
        int score = 1;
        for (long threshold : thresholds) {
            if (value >= threshold) {
                score++;
            }
        }
        return score;
    }

    private static int lowerBound(long[] sorted, long value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
