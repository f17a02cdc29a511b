package io.trinity.scoring.run;

import io.trinity.scoring.influence.InfluenceModel;
import io.trinity.scoring.influence.PercentileTable;
import io.trinity.scoring.rfm.Rfm;
import java.util.Arrays;

/**
 * What a run measured everyone against, stored with the run so that incremental rescoring and explanations
 * place a customer exactly as the run did: RFM thresholds and quantiles of the influence signals.
 */
public record Population(Rfm.Thresholds rfm, InfluenceModel.Population influence, double[][] quantiles) {

    public static final int QUANTILE_POINTS = 1001;

    public long[] rfmArray() {
        long[] all = new long[12];
        System.arraycopy(rfm.recency(), 0, all, 0, 4);
        System.arraycopy(rfm.frequency(), 0, all, 4, 4);
        System.arraycopy(rfm.monetary(), 0, all, 8, 4);
        return all;
    }

    public double[] quantileArray() {
        int points = quantiles[0].length;
        double[] flat = new double[5 * points];
        for (int s = 0; s < 5; s++) {
            System.arraycopy(quantiles[s], 0, flat, s * points, points);
        }
        return flat;
    }

    static Population of(Rfm.Thresholds rfm, double[][] signals) {
        double[][] quantiles = new double[5][];
        for (int s = 0; s < 5; s++) {
            quantiles[s] = resample(new PercentileTable(signals[s]).quantiles(QUANTILE_POINTS));
        }
        return fromQuantiles(rfm, quantiles);
    }

    public static Population restore(long[] rfm, double[] flatQuantiles, int points) {
        Rfm.Thresholds thresholds = new Rfm.Thresholds(Arrays.copyOfRange(rfm, 0, 4), Arrays.copyOfRange(rfm, 4, 8),
                Arrays.copyOfRange(rfm, 8, 12));
        double[][] quantiles = new double[5][];
        for (int s = 0; s < 5; s++) {
            quantiles[s] = Arrays.copyOfRange(flatQuantiles, s * points, (s + 1) * points);
        }
        return fromQuantiles(thresholds, quantiles);
    }

    private static Population fromQuantiles(Rfm.Thresholds rfm, double[][] q) {
        return new Population(rfm, new InfluenceModel.Population(PercentileTable.ofQuantiles(q[0]),
                PercentileTable.ofQuantiles(q[1]), PercentileTable.ofQuantiles(q[2]), PercentileTable.ofQuantiles(q[3]),
                PercentileTable.ofQuantiles(q[4])), q);
    }

    /** Small populations keep every value; pad to a fixed width so the stored array has a simple shape. */
    private static double[] resample(double[] quantiles) {
        if (quantiles.length == QUANTILE_POINTS || quantiles.length == 0) {
            return quantiles.length == 0 ? new double[QUANTILE_POINTS] : quantiles;
        }
        double[] out = new double[QUANTILE_POINTS];
        for (int i = 0; i < QUANTILE_POINTS; i++) {
            out[i] = quantiles[(int) ((long) i * (quantiles.length - 1) / (QUANTILE_POINTS - 1))];
        }
        return out;
    }
}
