package io.trinity.scoring.rfm;

/**
 * A scored customer's RFM: the raw figures, the three quintile scores, the code ("534") and the transaction
 * score {@code 100 × (wR(R−1) + wF(F−1) + wM(M−1)) / (4 (wR + wF + wM))}.
 */
public record TransactionValue(long customerId, int recencyDays, int frequency, long monetaryMinor, int r, int f,
        int m, double score) {

    public String code() {
        return "" + r + f + m;
    }

    public static double score(int r, int f, int m, RfmWeights w) {
        return 100.0 * (w.recency() * (r - 1) + w.frequency() * (f - 1) + w.monetary() * (m - 1))
                / (4 * (w.recency() + w.frequency() + w.monetary()));
    }
}
