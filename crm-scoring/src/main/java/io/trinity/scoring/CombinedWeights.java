package io.trinity.scoring;

/**
 * Weights of transaction, relationship and influence in the combined value (default 0.4 / 0.3 / 0.3). Each is a
 * finite number from 0 to {@value #MAX}; only their proportions matter.
 */
public record CombinedWeights(double transaction, double relationship, double influence) {

    public static final CombinedWeights DEFAULT = new CombinedWeights(0.4, 0.3, 0.3);

    public static final double MAX = 1000;

    public CombinedWeights {
        if (!inRange(transaction) || !inRange(relationship) || !inRange(influence)
                || transaction + relationship + influence <= 0) {
            throw new IllegalArgumentException("weights must be numbers from 0 to " + (int) MAX + ", not all zero");
        }
    }

    private static boolean inRange(double weight) {
        return weight >= 0 && weight <= MAX; // false for NaN
    }

    /** Weighted mean; a missing component (no purchase in the window) counts as 0. */
    public double combine(Double transactionScore, double relationshipScore, double influenceScore) {
        double t = transactionScore == null ? 0 : transactionScore;
        return (transaction * t + relationship * relationshipScore + influence * influenceScore)
                / (transaction + relationship + influence);
    }
}
