package io.trinity.scoring.influence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PageRankTests {

    @Test
    void aMutualPairSharesRankEqually() {
        PageRank.Result r = PageRank.compute(new long[] {1, 2}, new long[] {2, 1}, new double[] {1, 1});
        assertThat(r.rankOf(1)).isCloseTo(0.5, within(1e-12));
        assertThat(r.rankOf(2)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void aStarIntoADanglingHubHasTheClosedFormRanks() {
        // A->C, B->C, C dangling: x = 0.05 + 0.85 y / 3, y = 2.7 x, 2x + y = 1  =>  x = 1/4.7, y = 2.7/4.7
        PageRank.Result r = PageRank.compute(new long[] {10, 20}, new long[] {30, 30}, new double[] {1, 1});
        assertThat(r.rankOf(10)).isCloseTo(1 / 4.7, within(1e-9));
        assertThat(r.rankOf(20)).isCloseTo(1 / 4.7, within(1e-9));
        assertThat(r.rankOf(30)).isCloseTo(2.7 / 4.7, within(1e-9));
    }

    @Test
    void selfLoopsAreIgnoredAndNodesWithoutEdgesAreNotInTheGraph() {
        PageRank.Result r = PageRank.compute(new long[] {1, 2, 3}, new long[] {1, 1, 3}, new double[] {5, 1, 1});
        assertThat(r.nodes()).containsExactly(1, 2);
        assertThat(r.rankOf(3)).isZero();
        assertThat(Arrays.stream(r.ranks()).sum()).isCloseTo(1, within(1e-9));
    }

    @Test
    void farApartIdsGiveTheSameRanksAsCloseOnes() {
        long far = 1_000_000_000_000L;
        PageRank.Result dense = PageRank.compute(new long[] {10, 20}, new long[] {30, 30}, new double[] {1, 1});
        PageRank.Result sparse = PageRank.compute(new long[] {10, far}, new long[] {3 * far, 3 * far},
                new double[] {1, 1});
        assertThat(sparse.nodes()).containsExactly(10, far, 3 * far);
        assertThat(sparse.ranks()).containsExactly(dense.ranks());
    }

    @Test
    void anEmptyGraphHasNoRanks() {
        PageRank.Result r = PageRank.compute(new long[0], new long[0], new double[0]);
        assertThat(r.nodes()).isEmpty();
        assertThat(r.rankOf(1)).isZero();
    }

    @Test
    void parallelEdgesAddTheirWeights() {
        PageRank.Result twice = PageRank.compute(new long[] {1, 1, 1, 2, 3}, new long[] {2, 2, 3, 1, 1},
                new double[] {1, 1, 1, 1, 1});
        PageRank.Result weighted = PageRank.compute(new long[] {1, 1, 2, 3}, new long[] {2, 3, 1, 1},
                new double[] {2, 1, 1, 1});
        for (long node : new long[] {1, 2, 3}) {
            assertThat(twice.rankOf(node)).isCloseTo(weighted.rankOf(node), within(1e-12));
        }
        assertThat(weighted.rankOf(2)).isGreaterThan(weighted.rankOf(3));
    }

    @Test
    void matchesADenseReferenceOnARandomGraphWithDanglingNodes() {
        Random random = new Random(7);
        int n = 40;
        int m = 150;
        long[] s = new long[m];
        long[] t = new long[m];
        double[] w = new double[m];
        for (int e = 0; e < m; e++) {
            s[e] = random.nextInt(n - 5); // the last five nodes never link out: dangling
            t[e] = random.nextInt(n);
            w[e] = 1 + random.nextInt(3);
        }
        PageRank.Result fast = PageRank.compute(s, t, w);
        double[] reference = denseReference(fast.nodes(), s, t, w);
        for (int i = 0; i < fast.nodes().length; i++) {
            assertThat(fast.ranks()[i]).isCloseTo(reference[i], within(1e-9));
        }
        assertThat(Arrays.stream(fast.ranks()).sum()).isCloseTo(1, within(1e-9));
    }

    /** Textbook power iteration on a dense transition matrix. */
    private static double[] denseReference(long[] nodes, long[] s, long[] t, double[] w) {
        int n = nodes.length;
        double[][] weight = new double[n][n];
        for (int e = 0; e < s.length; e++) {
            if (s[e] != t[e]) {
                weight[Arrays.binarySearch(nodes, s[e])][Arrays.binarySearch(nodes, t[e])] += w[e];
            }
        }
        double[] rank = new double[n];
        Arrays.fill(rank, 1.0 / n);
        for (int iteration = 0; iteration < 2_000; iteration++) {
            double[] next = new double[n];
            for (int u = 0; u < n; u++) {
                double out = Arrays.stream(weight[u]).sum();
                for (int v = 0; v < n; v++) {
                    next[v] += out == 0 ? 0.85 * rank[u] / n : 0.85 * rank[u] * weight[u][v] / out;
                }
            }
            for (int v = 0; v < n; v++) {
                next[v] += 0.15 / n;
            }
            rank = next;
        }
        return rank;
    }
}
