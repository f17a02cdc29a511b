package io.trinity.scoring.influence;

import java.util.Arrays;

/**
 * Percentile ranks of one signal over the population: the share of customers with a strictly smaller value,
 * 0..100. Ranks, not raw values, feed the influence score, so one celebrity does not flatten everyone else.
 * The table keeps the sorted population so later incremental rescoring ranks newcomers the same way.
 */
public final class PercentileTable {

    private final double[] sorted;

    public PercentileTable(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(this.sorted);
    }

    /** 100 × (number strictly smaller) / n; 0 for an empty population. */
    public double percentile(double value) {
        if (sorted.length == 0) {
            return 0;
        }
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
        return 100.0 * lo / sorted.length;
    }

    /** A compact copy (at most {@code points} quantiles) to store with a run. */
    public double[] quantiles(int points) {
        if (sorted.length <= points) {
            return sorted.clone();
        }
        double[] q = new double[points];
        for (int i = 0; i < points; i++) {
            q[i] = sorted[(int) ((long) i * (sorted.length - 1) / (points - 1))];
        }
        return q;
    }

    public static PercentileTable ofQuantiles(double[] quantiles) {
        return new PercentileTable(quantiles);
    }
}
