package io.trinity.marketing;

import io.trinity.scoring.CustomerValues;
import io.trinity.scoring.ScoringRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The dashboard's figures for the current run: segment sizes, movements since the previous run, how each score
 * is distributed (ten bands of 10 points) and a sample of customers for the TRInity matrix. One pass over the run per chart, computed once per run and kept,
 * so a chart never costs a page view a scan (incremental rescoring between runs does not move them).
 */
@Service
public class MarketingStats {

    public static final int SAMPLE = 400;

    /** Counts per band 0–10, 10–20, …, 90–100 for each score; {@code matrix} holds [transaction, influence, relationship]. */
    public record Stats(long runId, Map<String, Long> segmentSizes, List<CustomerValues.Movement> movements,
            Map<String, long[]> distributions, List<Point> matrix) {
    }

    /** One customer of the matrix sample: who, where on transaction × influence, how big (relationship). */
    public record Point(long customerId, String name, String segment, double transaction, double influence,
            double relationship) {

        static Point row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
            String name = (java.util.Objects.toString(rs.getString("first_name"), "") + " "
                    + java.util.Objects.toString(rs.getString("last_name"), "")).strip();
            return new Point(rs.getLong("customer_id"), name.isEmpty() ? rs.getString("external_id") : name,
                    rs.getString("segment"), rs.getDouble("t"), rs.getDouble("i"), rs.getDouble("r"));
        }
    }

    private final JdbcClient jdbc;
    private final ScoringRuns runs;
    private final CustomerValues values;
    private final Map<Long, Stats> cache = new ConcurrentHashMap<>();

    MarketingStats(JdbcClient jdbc, ScoringRuns runs, CustomerValues values) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.values = values;
    }

    public @Nullable Stats current() {
        OptionalLong run = runs.currentRunId();
        if (run.isEmpty()) {
            return null;
        }
        return cache.computeIfAbsent(run.getAsLong(), this::compute);
    }

    private Stats compute(long runId) {
        cache.keySet().removeIf(id -> id < runId);
        Map<String, long[]> distributions = new java.util.LinkedHashMap<>();
        for (String score : List.of("combined", "transaction", "relationship", "influence")) {
            distributions.put(score, new long[10]);
        }
        jdbc.sql("""
                select least(9, floor(combined / 10))::int, least(9, floor(coalesce(transaction_score, -1) / 10))::int,
                       least(9, floor(relationship_score / 10))::int, least(9, floor(influence_score / 10))::int,
                       count(*)
                from customer_value where run_id = ? group by 1, 2, 3, 4""").param(runId).query((rs, n) -> {
                    long count = rs.getLong(5);
                    distributions.get("combined")[rs.getInt(1)] += count;
                    if (rs.getInt(2) >= 0) {
                        distributions.get("transaction")[rs.getInt(2)] += count;
                    }
                    distributions.get("relationship")[rs.getInt(3)] += count;
                    distributions.get("influence")[rs.getInt(4)] += count;
                    return null;
                }).list();
        long total = jdbc.sql("select count(*) from customer_value where run_id = ?").param(runId).query(Long.class)
                .single();
        long stride = Math.max(1, total / SAMPLE);
        List<Point> matrix = jdbc.sql("""
                select v.customer_id, c.first_name, c.last_name, c.external_id, v.segment,
                       coalesce(v.transaction_score, 0) as t, v.influence_score as i, v.relationship_score as r
                from customer_value v join customer_directory c on c.id = v.customer_id
                where v.run_id = ? and v.customer_id % ? = 0 limit ?""").params(runId, stride, SAMPLE)
                .query(Point::row).list();
        return new Stats(runId, values.segmentSizes(), values.movements(), distributions, matrix);
    }
}
