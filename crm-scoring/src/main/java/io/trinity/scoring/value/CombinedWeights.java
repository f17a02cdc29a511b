package io.trinity.scoring.value;

/** Weights of transaction, relationship and influence in the combined value (default 0.4 / 0.3 / 0.3). */
public record CombinedWeights(double transaction, double relationship, double influence) {

    public static final CombinedWeights DEFAULT = new CombinedWeights(0.4, 0.3, 0.3);

    public CombinedWeights {
        if (transaction < 0 || relationship < 0 || influence < 0 || transaction + relationship + influence <= 0) {
            throw new IllegalArgumentException("weights must be non-negative and not all zero");
        }
    }

    /** Weighted mean; a missing component (no purchase in the window) counts as 0. */
    public double combine(Double transactionScore, double relationshipScore, double influenceScore) {
        double t = transactionScore == null ? 0 : transactionScore;
        return (transaction * t + relationship * relationshipScore + influence * influenceScore)
                / (transaction + relationship + influence);
    }
}
