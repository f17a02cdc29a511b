package io.trinity.scoring.influence;

import io.trinity.scoring.Factor;
import java.util.List;

/**
 * Influence 0–100: the weighted mean of the percentile ranks of the five signals. Each factor in the
 * explanation is that signal's share of the score.
 */
public final class InfluenceModel {

    public record Weights(double reach, double publishing, double engagement, double amplification,
            double centrality) {

        public static final Weights DEFAULT = new Weights(0.30, 0.15, 0.20, 0.15, 0.20);

        double total() {
            return reach + publishing + engagement + amplification + centrality;
        }
    }

    /** Percentile tables of the population, one per signal. */
    public record Population(PercentileTable followers, PercentileTable posts, PercentileTable engagement,
            PercentileTable amplification, PercentileTable pageRank) {

        public static Population of(List<InfluenceInput> inputs) {
            int n = inputs.size();
            double[] f = new double[n];
            double[] p = new double[n];
            double[] e = new double[n];
            double[] a = new double[n];
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                InfluenceInput in = inputs.get(i);
                f[i] = in.followers();
                p[i] = in.postsPer30d();
                e[i] = in.engagementPerPost();
                a[i] = in.amplification();
                r[i] = in.pageRank();
            }
            return new Population(new PercentileTable(f), new PercentileTable(p), new PercentileTable(e),
                    new PercentileTable(a), new PercentileTable(r));
        }
    }

    public record Score(long customerId, double score, List<Factor> factors) {
    }

    private InfluenceModel() {
    }

    public static Score score(InfluenceInput in, Population population, Weights w) {
        double total = w.total();
        double reach = w.reach() * population.followers().percentile(in.followers()) / total;
        double publishing = w.publishing() * population.posts().percentile(in.postsPer30d()) / total;
        double engagement = w.engagement() * population.engagement().percentile(in.engagementPerPost()) / total;
        double amplification = w.amplification() * population.amplification().percentile(in.amplification())
                / total;
        double centrality = w.centrality() * population.pageRank().percentile(in.pageRank()) / total;
        List<Factor> factors = List.of(new Factor("reach", round(reach)), new Factor("publishing", round(publishing)),
                new Factor("engagement", round(engagement)), new Factor("brand amplification", round(amplification)),
                new Factor("graph centrality", round(centrality)));
        return new Score(in.customerId(), round(reach + publishing + engagement + amplification + centrality),
                factors);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
