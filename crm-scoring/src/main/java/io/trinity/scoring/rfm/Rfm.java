package io.trinity.scoring.rfm;

/**
 * Scores the transaction value of every customer who bought in the window. Inputs are per customer: days since
 * the last purchase, number of purchases, net amount in base-currency minor units (refunds subtract). Customers
 * without a purchase are not passed in: they are unscored, and do not count in {@code n}.
 */
public final class Rfm {

    /** The population's thresholds, kept with a run so incremental rescoring places newcomers consistently. */
    public record Thresholds(long[] recency, long[] frequency, long[] monetary) {
    }

    public record Result(TransactionValue[] values, Thresholds thresholds) {
    }

    private Rfm() {
    }

    public static Result score(long[] customerIds, int[] recencyDays, int[] frequency, long[] monetaryMinor,
            RfmWeights weights) {
        int n = customerIds.length;
        long[] negRecency = new long[n];
        long[] freq = new long[n];
        for (int i = 0; i < n; i++) {
            negRecency[i] = -recencyDays[i];
            freq[i] = frequency[i];
        }
        int[] r = TieAwareQuintiles.higherIsBetter(negRecency);
        int[] f = TieAwareQuintiles.higherIsBetter(freq);
        int[] m = TieAwareQuintiles.higherIsBetter(monetaryMinor);
        TransactionValue[] values = new TransactionValue[n];
        for (int i = 0; i < n; i++) {
            values[i] = new TransactionValue(customerIds[i], recencyDays[i], frequency[i], monetaryMinor[i], r[i],
                    f[i], m[i], TransactionValue.score(r[i], f[i], m[i], weights));
        }
        return new Result(values, new Thresholds(TieAwareQuintiles.thresholds(negRecency),
                TieAwareQuintiles.thresholds(freq), TieAwareQuintiles.thresholds(monetaryMinor)));
    }

    /** Scores one customer against an earlier population's thresholds. */
    public static TransactionValue place(long customerId, int recencyDays, int frequency, long monetaryMinor,
            Thresholds thresholds, RfmWeights weights) {
        int r = TieAwareQuintiles.place(-recencyDays, thresholds.recency());
        int f = TieAwareQuintiles.place(frequency, thresholds.frequency());
        int m = TieAwareQuintiles.place(monetaryMinor, thresholds.monetary());
        return new TransactionValue(customerId, recencyDays, frequency, monetaryMinor, r, f, m,
                TransactionValue.score(r, f, m, weights));
    }
}
