package io.trinity.marketing;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which members of a campaign are held back: exactly {@code round(n × percent / 100)} of them (20 % of 20 is 4,
 * not "whoever a hash put under 20"), chosen by a hash of campaign and customer, so the same campaign over the
 * same members always holds back the same people and a customer's chance does not depend on their id. Plain Java.
 */
public final class HoldoutSplit {

    private HoldoutSplit() {
    }

    /** How many of {@code members} a campaign holding back {@code percent} keeps back. */
    public static long size(long members, int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be between 0 and 100");
        }
        return Math.round(members * percent / 100.0);
    }

    public static Set<Long> holdout(long campaignId, List<Long> members, int percent) {
        int size = (int) size(members.stream().distinct().count(), percent);
        Long[] ordered = members.stream().distinct().toArray(Long[]::new);
        Arrays.sort(ordered, Comparator.comparingLong((Long m) -> mix(campaignId, m)).thenComparingLong(m -> m));
        return new HashSet<>(Arrays.asList(ordered).subList(0, Math.min(size, ordered.length)));
    }

    /** SplitMix64 of the pair: stable across runs and JVMs. */
    static long mix(long campaignId, long customerId) {
        long z = campaignId * 0x9E3779B97F4A7C15L + customerId;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
