package io.trinity.scoring.influence;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Weighted PageRank over a compressed sparse graph held in primitive arrays (no object per edge), so a million
 * nodes and twelve million edges fit in memory and converge in seconds.
 *
 * <p>Edge u→v means u follows or interacts with v; parallel edges add their weights and self-loops are dropped.
 * Nodes are the endpoints of at least one edge. Damping 0.85; the rank of nodes without out-edges (dangling) is
 * spread uniformly over all nodes; iteration stops when the L1 change falls below the tolerance. Ranks sum to 1.
 */
public final class PageRank {

    public static final double DAMPING = 0.85;
    public static final double TOLERANCE = 1e-10;
    private static final int MAX_ITERATIONS = 1_000;
    private static final int CHUNKS = 16;

    /** Node ids (sorted) and their ranks, index-aligned; {@code iterations} for the benchmark's report. */
    public record Result(long[] nodes, double[] ranks, int iterations) {

        /** The rank of a node id, or 0 when it is not in the graph. */
        public double rankOf(long node) {
            int i = Arrays.binarySearch(nodes, node);
            return i >= 0 ? ranks[i] : 0;
        }
    }

    private PageRank() {
    }

    /** Ranks the graph given as parallel arrays of edges (source, target, weight). */
    public static Result compute(long[] sources, long[] targets, double[] weights) {
        return compute(sources, targets, weights, DAMPING, TOLERANCE);
    }

    public static Result compute(long[] sources, long[] targets, double[] weights, double damping, double tolerance) {
        int edgeCount = sources.length;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        int valid = 0;
        for (int e = 0; e < edgeCount; e++) {
            if (sources[e] != targets[e] && weights[e] > 0) {
                min = Math.min(min, Math.min(sources[e], targets[e]));
                max = Math.max(max, Math.max(sources[e], targets[e]));
                valid++;
            }
        }
        if (valid == 0) {
            return new Result(new long[0], new double[0], 0);
        }
        NodeIndex index = NodeIndex.of(sources, targets, weights, min, max);
        long[] nodes = index.nodes();
        int n = nodes.length;
        int[] src = new int[valid];
        int[] dst = new int[valid];
        double[] w = new double[valid];
        int m = 0;
        double[] outWeight = new double[n];
        for (int e = 0; e < edgeCount; e++) {
            if (sources[e] == targets[e] || weights[e] <= 0) {
                continue;
            }
            src[m] = index.of(sources[e]);
            dst[m] = index.of(targets[e]);
            w[m] = weights[e];
            outWeight[src[m]] += weights[e];
            m++;
        }
        int[] offsets = new int[n + 1];
        for (int e = 0; e < m; e++) {
            offsets[dst[e] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            offsets[i + 1] += offsets[i];
        }
        int[] inSource = new int[m];
        double[] inShare = new double[m];
        int[] fill = Arrays.copyOf(offsets, n);
        for (int e = 0; e < m; e++) {
            int slot = fill[dst[e]]++;
            inSource[slot] = src[e];
            inShare[slot] = w[e] / outWeight[src[e]]; // parallel edges simply contribute twice
        }
        double[] rank = new double[n];
        double[] next = new double[n];
        Arrays.fill(rank, 1.0 / n);
        int iterations = 0;
        double change = Double.MAX_VALUE;
        while (change >= tolerance && iterations < MAX_ITERATIONS) {
            double dangling = 0;
            for (int i = 0; i < n; i++) {
                if (outWeight[i] == 0) {
                    dangling += rank[i];
                }
            }
            double base = (1 - damping) / n + damping * dangling / n;
            double[] from = rank;
            double[] to = next;
            // Fixed chunks summed in order: the same result on any number of cores, computed on all of them.
            double[] changes = IntStream.range(0, CHUNKS).parallel().mapToDouble(chunk -> {
                int end = (int) ((long) n * (chunk + 1) / CHUNKS);
                double partial = 0;
                for (int v = (int) ((long) n * chunk / CHUNKS); v < end; v++) {
                    double sum = 0;
                    for (int slot = offsets[v]; slot < offsets[v + 1]; slot++) {
                        sum += from[inSource[slot]] * inShare[slot];
                    }
                    double value = base + damping * sum;
                    to[v] = value;
                    partial += Math.abs(value - from[v]);
                }
                return partial;
            }).toArray();
            change = 0;
            for (double partial : changes) {
                change += partial;
            }
            double[] swap = rank;
            rank = next;
            next = swap;
            iterations++;
        }
        return new Result(nodes, rank, iterations);
    }

    /**
     * Maps node ids to 0..n-1 in ascending id order. Customer ids are dense, so a direct lookup table over the id
     * range is used when it is not much larger than the edge list; otherwise sorting and binary search.
     */
    private record NodeIndex(long[] nodes, long min, int[] dense) {

        static NodeIndex of(long[] sources, long[] targets, double[] weights, long min, long max) {
            long span = max - min + 1;
            if (span <= Math.max(1L << 24, 4L * sources.length) && span < Integer.MAX_VALUE) {
                int[] dense = new int[(int) span];
                for (int e = 0; e < sources.length; e++) {
                    if (sources[e] != targets[e] && weights[e] > 0) {
                        dense[(int) (sources[e] - min)] = 1;
                        dense[(int) (targets[e] - min)] = 1;
                    }
                }
                int n = 0;
                for (int i = 0; i < dense.length; i++) {
                    n += dense[i];
                }
                long[] nodes = new long[n];
                int next = 0;
                for (int i = 0; i < dense.length; i++) {
                    if (dense[i] == 1) {
                        nodes[next] = min + i;
                        dense[i] = next++;
                    } else {
                        dense[i] = -1;
                    }
                }
                return new NodeIndex(nodes, min, dense);
            }
            long[] ids = new long[sources.length * 2];
            int k = 0;
            for (int e = 0; e < sources.length; e++) {
                if (sources[e] != targets[e] && weights[e] > 0) {
                    ids[k++] = sources[e];
                    ids[k++] = targets[e];
                }
            }
            return new NodeIndex(distinctSorted(ids, k), min, null);
        }

        int of(long id) {
            return dense != null ? dense[(int) (id - min)] : Arrays.binarySearch(nodes, id);
        }
    }

    private static long[] distinctSorted(long[] values, int length) {
        long[] copy = Arrays.copyOf(values, length);
        Arrays.sort(copy);
        int distinct = 0;
        for (int i = 0; i < length; i++) {
            if (i == 0 || copy[i] != copy[i - 1]) {
                copy[distinct++] = copy[i];
            }
        }
        return Arrays.copyOf(copy, distinct);
    }
}
