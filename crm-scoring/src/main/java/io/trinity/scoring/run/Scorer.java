package io.trinity.scoring.run;

import io.trinity.scoring.influence.InfluenceInput;
import io.trinity.scoring.influence.InfluenceModel;
import io.trinity.scoring.influence.PageRank;
import io.trinity.scoring.relationship.RelationshipInput;
import io.trinity.scoring.relationship.RelationshipModel;
import io.trinity.scoring.rfm.Rfm;
import io.trinity.scoring.rfm.RfmWeights;
import io.trinity.scoring.rfm.TransactionValue;
import io.trinity.scoring.CombinedWeights;
import io.trinity.scoring.ScoreCard;
import io.trinity.scoring.SegmentRule;
import io.trinity.scoring.value.Segments;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.LongToDoubleFunction;

/**
 * Turns signals into scores with the plain-Java models: a full run measures the population itself; an
 * incremental rescore places customers against the population of the run it refreshes.
 */
public final class Scorer {

    /**
     * A full run's measured population and the means to score each customer; rows are made on demand, so the
     * writer can stream them to the database while it stores the ones before.
     */
    public record Outcome(int size, IntFunction<ValueRow> row, Population population, int pageRankIterations,
            int pageRankNodes, long pageRankMillis) {

        ValueRow[] rows() {
            ValueRow[] rows = new ValueRow[size];
            for (int i = 0; i < size; i++) {
                rows[i] = row.apply(i);
            }
            return rows;
        }
    }

    private Scorer() {
    }

    public static Outcome full(Signals s, RfmWeights rfmWeights, CombinedWeights weights, List<SegmentRule> segments) {
        int n = s.size();
        int scored = 0;
        for (boolean p : s.purchased) {
            scored += p ? 1 : 0;
        }
        long[] ids = new long[scored];
        int[] recency = new int[scored];
        int[] frequency = new int[scored];
        long[] monetary = new long[scored];
        for (int i = 0, k = 0; i < n; i++) {
            if (s.purchased[i]) {
                ids[k] = s.ids[i];
                recency[k] = s.recencyDays[i];
                frequency[k] = s.frequency[i];
                monetary[k] = s.monetaryMinor[i];
                k++;
            }
        }
        // RFM quintiles (sorting) on one core while PageRank builds its graph on the other.
        var rfmResult = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> Rfm.score(ids, recency, frequency, monetary, rfmWeights));
        long pageRankStarted = System.nanoTime();
        PageRank.Result graph = PageRank.compute(s.edgeSources, s.edgeTargets, s.edgeWeights);
        long pageRankMillis = (System.nanoTime() - pageRankStarted) / 1_000_000;
        Rfm.Result rfm = rfmResult.join();
        double[] pageRank = new double[n];
        for (int i = 0; i < n; i++) {
            pageRank[i] = graph.rankOf(s.ids[i]);
        }
        double[][] signals = {toDouble(s.followers), s.postsPer30d, s.engagementPerPost, s.amplification, pageRank};
        Population population = Population.of(rfm.thresholds(), signals);
        int[] transactionAt = new int[n];
        for (int i = 0, k = 0; i < n; i++) {
            transactionAt[i] = s.purchased[i] ? k++ : -1;
        }
        IntFunction<ValueRow> row = i -> row(s, i, transactionAt[i] < 0 ? null : rfm.values()[transactionAt[i]],
                pageRank[i], population, weights, segments);
        return new Outcome(n, row, population, graph.iterations(), graph.nodes().length, pageRankMillis);
    }

    static ValueRow[] incremental(Signals s, Population population, LongToDoubleFunction previousPageRank,
            RfmWeights rfmWeights, CombinedWeights weights, List<SegmentRule> segments) {
        ValueRow[] rows = new ValueRow[s.size()];
        for (int i = 0; i < s.size(); i++) {
            TransactionValue t = s.purchased[i]
                    ? Rfm.place(s.ids[i], s.recencyDays[i], s.frequency[i], s.monetaryMinor[i], population.rfm(),
                            rfmWeights)
                    : null;
            rows[i] = row(s, i, t, previousPageRank.applyAsDouble(s.ids[i]), population, weights, segments);
        }
        return rows;
    }

    private static ValueRow row(Signals s, int i, TransactionValue t, double pageRank, Population population,
            CombinedWeights weights, List<SegmentRule> segments) {
        RelationshipModel.Score relationship = RelationshipModel.score(new RelationshipInput(s.ids[i],
                s.profileFields[i], s.consent[i], s.preferences[i], s.linkedIdentities[i], s.reviews[i],
                s.conversations[i], s.referrals[i], s.checkins[i]), RelationshipModel.Weights.DEFAULT);
        InfluenceModel.Score influence = InfluenceModel.score(new InfluenceInput(s.ids[i], s.followers[i],
                s.postsPer30d[i], s.engagementPerPost[i], s.amplification[i], pageRank), population.influence(),
                InfluenceModel.Weights.DEFAULT);
        Double transaction = t == null ? null : t.score();
        double combined = weights.combine(transaction, relationship.score(), influence.score());
        ScoreCard card = new ScoreCard(transaction, relationship.score(), influence.score(), combined,
                t == null ? 0 : t.r(), t == null ? 0 : t.f(), t == null ? 0 : t.m(), s.ageDays[i]);
        String segment = Segments.classify(card, segments).name();
        return new ValueRow(s.ids[i], t == null ? null : t.recencyDays(), t == null ? null : t.frequency(),
                t == null ? null : t.monetaryMinor(), t == null ? 0 : t.r(), t == null ? 0 : t.f(),
                t == null ? 0 : t.m(), transaction, s.profileFields[i], s.consent[i], s.preferences[i],
                s.linkedIdentities[i], s.reviews[i], s.conversations[i], s.referrals[i], s.checkins[i],
                relationship.score(), s.followers[i], s.postsPer30d[i], s.engagementPerPost[i], s.amplification[i],
                pageRank, influence.score(), combined, segment);
    }

    private static double[] toDouble(long[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
