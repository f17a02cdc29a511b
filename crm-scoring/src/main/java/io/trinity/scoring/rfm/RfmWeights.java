package io.trinity.scoring.rfm;

/** Relative weight of recency, frequency and monetary in the transaction score (default 1 each). */
public record RfmWeights(double recency, double frequency, double monetary) {

    public static final RfmWeights EQUAL = new RfmWeights(1, 1, 1);

    public RfmWeights {
        if (recency < 0 || frequency < 0 || monetary < 0 || recency + frequency + monetary <= 0) {
            throw new IllegalArgumentException("RFM weights must be non-negative and not all zero");
        }
    }
}
