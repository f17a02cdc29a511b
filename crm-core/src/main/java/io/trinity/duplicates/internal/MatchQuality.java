package io.trinity.duplicates.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairwise precision and recall of predicted clusters against the truth, as record-linkage papers report them:
 * every pair of records inside a predicted cluster is a predicted match; every pair of records of one person is a
 * true match. Plain Java; used by the tests and the benchmark.
 */
public final class MatchQuality {

    /** The figures for one set of accepted pairs. */
    public record Figures(long predictedPairs, long truePairs, long correct, double precision, double recall) {
    }

    private MatchQuality() {
    }

    /**
     * @param entity the true person of each record position
     * @param pairs  accepted pairs as positions ({@code first}, {@code second})
     */
    public static Figures of(long[] entity, List<int[]> pairs) {
        int n = entity.length;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int[] p : pairs) {
            int a = find(parent, p[0]);
            int b = find(parent, p[1]);
            if (a != b) {
                parent[Math.max(a, b)] = Math.min(a, b);
            }
        }
        Map<Integer, Map<Long, Integer>> clusters = new HashMap<>();
        Map<Long, Integer> people = new HashMap<>();
        for (int i = 0; i < n; i++) {
            people.merge(entity[i], 1, Integer::sum);
            clusters.computeIfAbsent(find(parent, i), k -> new HashMap<>()).merge(entity[i], 1, Integer::sum);
        }
        long predicted = 0;
        long correct = 0;
        for (Map<Long, Integer> members : clusters.values()) {
            long size = members.values().stream().mapToLong(Integer::longValue).sum();
            predicted += size * (size - 1) / 2;
            for (int k : members.values()) {
                correct += (long) k * (k - 1) / 2;
            }
        }
        long truth = 0;
        for (int k : people.values()) {
            truth += (long) k * (k - 1) / 2;
        }
        double precision = predicted == 0 ? 1 : (double) correct / predicted;
        double recall = truth == 0 ? 1 : (double) correct / truth;
        return new Figures(predicted, truth, correct, precision, recall);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
