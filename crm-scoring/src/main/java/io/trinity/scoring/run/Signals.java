package io.trinity.scoring.run;

/**
 * Everything scoring needs about a set of customers, in columns aligned with {@code ids} (ascending), plus the
 * influence graph's edges. Filled by {@link SignalReader}, consumed by {@link Scorer}.
 */
public final class Signals {

    long[] ids = new long[0];
    int[] ageDays = new int[0];
    int[] profileFields = new int[0];
    boolean[] consent = new boolean[0];
    boolean[] preferences = new boolean[0];
    int[] linkedIdentities = new int[0];
    long[] followers = new long[0];

    boolean[] purchased = new boolean[0];
    int[] recencyDays = new int[0];
    int[] frequency = new int[0];
    long[] monetaryMinor = new long[0];
    public long skippedOrders;

    double[] reviews = new double[0];
    double[] conversations = new double[0];
    double[] referrals = new double[0];
    double[] checkins = new double[0];
    double[] postsPer30d = new double[0];
    double[] engagementPerPost = new double[0];
    double[] amplification = new double[0];

    public long[] edgeSources = new long[0];
    long[] edgeTargets = new long[0];
    double[] edgeWeights = new double[0];

    public java.util.Map<String, Long> readTimings = java.util.Map.of();

    int size() {
        return ids.length;
    }

    int indexOf(long customerId) {
        return java.util.Arrays.binarySearch(ids, customerId);
    }
}
