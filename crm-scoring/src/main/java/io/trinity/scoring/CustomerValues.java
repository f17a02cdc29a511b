package io.trinity.scoring;

import io.trinity.scoring.run.Population;
import io.trinity.shared.Cursor;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.Money;
import io.trinity.shared.Page;
import io.trinity.scoring.influence.InfluenceInput;
import io.trinity.scoring.influence.InfluenceModel;
import io.trinity.scoring.relationship.RelationshipInput;
import io.trinity.scoring.relationship.RelationshipModel;
import io.trinity.scoring.SegmentRule;
import io.trinity.scoring.value.Segments;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the current run's values: one customer's explained value, ranked lists, segment sizes, history. */
@Service
public class CustomerValues {

    public static final int MAX_PAGE = 500;

    private final JdbcClient jdbc;
    private final ScoringRuns runs;
    private final ScoringProperties settings;
    private final SegmentRuleBook segmentBook;
    private final Map<Long, Population> populations = new ConcurrentHashMap<>();

    CustomerValues(JdbcClient jdbc, ScoringRuns runs, ScoringProperties settings, SegmentRuleBook segmentBook) {
        this.segmentBook = segmentBook;
        this.jdbc = jdbc;
        this.runs = runs;
        this.settings = settings;
    }

    /** A ranked row: who, and where they stand. */
    public record Ranked(long customerId, String externalId, @Nullable String firstName, @Nullable String lastName,
            @Nullable String email, @Nullable String city, @Nullable String country, double combined,
            @Nullable Double transaction, double relationship, double influence, String segment) {

        public String displayName() {
            String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
            return name.isEmpty() ? externalId : name;
        }
    }

    /** One point of a customer's value over time. */
    public record HistoryPoint(long runId, java.time.LocalDate asOf, double combined, @Nullable Double transaction,
            double relationship, double influence, String segment) {
    }

    public Optional<CustomerValue> valueOf(long customerId) {
        OptionalLong run = runs.currentRunId();
        if (run.isEmpty()) {
            return Optional.empty();
        }
        long runId = run.getAsLong();
        return jdbc.sql("""
                        select v.*, r.as_of from customer_value v join scoring_run r on r.id = v.run_id
                        where v.run_id = ? and v.customer_id = ?""")
                .params(runId, customerId).query((rs, n) -> explain(rs, population(runId))).optional();
    }

    /** Customers by combined value, highest first (ties by id), optionally within one segment; keyset-paged. */
    public Page<Ranked> ranked(@Nullable String segment, int limit, @Nullable String after) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_PAGE);
        }
        if (segment != null && Segments.DEFAULT.stream().noneMatch(s -> s.name().equals(segment))) {
            throw new InvalidInputException("segment", "'" + segment + "' is not a segment ("
                    + String.join(", ", segmentNames()) + ")");
        }
        OptionalLong run = runs.currentRunId();
        if (run.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        Cursor.ScoreKey key = after == null || after.isBlank()
                ? new Cursor.ScoreKey(Double.MAX_VALUE, Long.MAX_VALUE) : Cursor.decodeScoreKey(after);
        List<Ranked> rows = jdbc.sql("""
                        select v.customer_id, c.external_id, c.first_name, c.last_name, c.email, c.city, c.country,
                               v.combined, v.transaction_score, v.relationship_score, v.influence_score, v.segment
                        from customer_value v join customer_directory c on c.id = v.customer_id
                        where v.run_id = :run %s and (v.combined, v.customer_id) < (:score, :id)
                        order by v.combined desc, v.customer_id desc limit :limit"""
                        .formatted(segment == null ? "" : "and v.segment = :segment"))
                .param("run", run.getAsLong()).param("segment", segment == null ? "" : segment)
                .param("score", key.score()).param("id", key.id()).param("limit", limit + 1)
                .query((rs, n) -> new Ranked(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getDouble(8),
                        (Double) rs.getObject(9), rs.getDouble(10), rs.getDouble(11), rs.getString(12)))
                .list();
        if (rows.size() > limit) {
            Ranked last = rows.get(limit - 1);
            return new Page<>(List.copyOf(rows.subList(0, limit)), Cursor.encode(last.combined(), last.customerId()));
        }
        return new Page<>(rows, null);
    }

    /** Number of customers per segment in the current run, in rule order. */
    public Map<String, Long> segmentSizes() {
        Map<String, Long> sizes = new java.util.LinkedHashMap<>();
        segmentNames().forEach(name -> sizes.put(name, 0L));
        OptionalLong run = runs.currentRunId();
        if (run.isPresent()) {
            jdbc.sql("select segment, count(*) from customer_value where run_id = ? group by segment")
                    .param(run.getAsLong())
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                    .forEach(e -> sizes.put(e.getKey(), e.getValue()));
        }
        return sizes;
    }

    /** How many customers moved from one segment to another between two succeeded runs. */
    public record Movement(String from, String to, long customers) {
    }

    /** Segment moves between the previous succeeded run and the current one, largest first. */
    public List<Movement> movements() {
        List<Long> last = jdbc.sql("select id from scoring_run where status = 'succeeded' order by id desc limit 2")
                .query(Long.class).list();
        if (last.size() < 2) {
            return List.of();
        }
        return jdbc.sql("""
                        select p.segment, c.segment, count(*) from customer_value c
                        join customer_value p on p.customer_id = c.customer_id and p.run_id = ?
                        where c.run_id = ? and p.segment <> c.segment
                        group by p.segment, c.segment order by count(*) desc""")
                .params(last.get(1), last.get(0))
                .query((rs, n) -> new Movement(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    public List<HistoryPoint> history(long customerId) {
        return jdbc.sql("""
                        select v.run_id, r.as_of, v.combined, v.transaction_score, v.relationship_score,
                               v.influence_score, v.segment
                        from customer_value v join scoring_run r on r.id = v.run_id and r.status = 'succeeded'
                        where v.customer_id = ? order by v.run_id""")
                .param(customerId)
                .query((rs, n) -> new HistoryPoint(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getDouble(3),
                        (Double) rs.getObject(4), rs.getDouble(5), rs.getDouble(6), rs.getString(7)))
                .list();
    }

    /** Segment and influence of these customers in the newest succeeded run; customers it did not score are absent. */
    public Map<Long, Standing> standings(java.util.Collection<Long> customerIds) {
        Map<Long, Standing> result = new java.util.HashMap<>();
        if (customerIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        select customer_id, segment, influence_score from customer_value
                        where run_id = (select max(id) from scoring_run where status = 'succeeded')
                          and customer_id = any(?)""")
                .param(customerIds.toArray(new Long[0]))
                .query((rs, n) -> result.put(rs.getLong(1), new Standing(rs.getString(2), rs.getDouble(3)))).list();
        return result;
    }

    /** One customer's move into a segment between two runs. */
    public record SegmentEntry(long customerId, String segment) {
    }

    /**
     * Customers whose segment in {@code runId} differs from the one they had in {@code previousRunId} (or who had
     * none), by customer id after {@code after}, at most {@code limit}.
     */
    public List<SegmentEntry> segmentEntries(long runId, @Nullable Long previousRunId, long after, int limit) {
        return jdbc.sql("""
                        select c.customer_id, c.segment from customer_value c
                        left join customer_value p on p.run_id = ? and p.customer_id = c.customer_id
                        where c.run_id = ? and c.customer_id > ? and p.segment is distinct from c.segment
                        order by c.customer_id limit ?""")
                .params(previousRunId == null ? -1 : previousRunId, runId, after, limit)
                .query((rs, n) -> new SegmentEntry(rs.getLong(1), rs.getString(2))).list();
    }

    public static List<String> segmentNames() {
        return Segments.DEFAULT.stream().map(SegmentRule::name).toList();
    }

    /** The built-in rules; the ones in force (an admin may have moved thresholds) are {@link SegmentRuleBook#current()}. */
    public static List<SegmentRule> segmentRules() {
        return Segments.DEFAULT;
    }

    public Population population(long runId) {
        return populations.computeIfAbsent(runId, id -> jdbc.sql(
                        "select rfm_thresholds, influence_quantiles, quantile_points from scoring_run where id = ?")
                .param(id)
                .query((rs, n) -> Population.restore(longs(rs.getArray(1)), doubles(rs.getArray(2)), rs.getInt(3)))
                .single());
    }

    private CustomerValue explain(ResultSet rs, Population population) throws SQLException {
        long customerId = rs.getLong("customer_id");
        Double transactionScore = (Double) rs.getObject("transaction_score");
        CustomerValue.Transaction transaction = null;
        List<String> explanation = new ArrayList<>();
        String currency = settings.baseCurrency();
        if (transactionScore != null) {
            int r = rs.getInt("r");
            int f = rs.getInt("f");
            int m = rs.getInt("m");
            transaction = new CustomerValue.Transaction(rs.getInt("recency_days"), rs.getInt("frequency"),
                    rs.getLong("monetary_minor"), currency, r, f, m, "" + r + f + m, transactionScore);
            BigDecimal monetary = new Money(transaction.monetaryMinor(), Money.currency(currency)).major();
            explanation.add(String.format(Locale.ROOT,
                    "Transaction %.1f: RFM %s — last purchase %d days before %s, %d purchases, %s %s net in the window",
                    transactionScore, transaction.rfm(), transaction.recencyDays(), rs.getDate("as_of"),
                    transaction.frequency(), monetary.toPlainString(), currency));
        } else {
            explanation.add("Transaction: no purchase in the scoring window, so no RFM score (counts as 0)");
        }
        RelationshipModel.Score relationship = RelationshipModel.score(new RelationshipInput(customerId,
                rs.getInt("profile_fields"), rs.getBoolean("consent"), rs.getBoolean("preferences"),
                rs.getInt("linked_identities"), rs.getDouble("reviews"), rs.getDouble("conversations"),
                rs.getDouble("referrals"), rs.getDouble("checkins")), RelationshipModel.Weights.DEFAULT);
        InfluenceModel.Score influence = InfluenceModel.score(new InfluenceInput(customerId, rs.getLong("followers"),
                rs.getDouble("posts_per_30d"), rs.getDouble("engagement_per_post"), rs.getDouble("amplification"),
                rs.getDouble("page_rank")), population.influence(), InfluenceModel.Weights.DEFAULT);
        explanation.add(String.format(Locale.ROOT, "Relationship %.1f: %s", rs.getDouble("relationship_score"),
                describe(relationship.factors())));
        explanation.add(String.format(Locale.ROOT, "Influence %.1f: %s", rs.getDouble("influence_score"),
                describe(influence.factors())));
        String segment = rs.getString("segment");
        List<SegmentRule> rules = segmentBook.forRun(rs.getLong("run_id")).rules();
        SegmentRule rule = rules.stream().filter(s -> s.name().equals(segment)).findFirst()
                .orElse(rules.get(rules.size() - 1));
        explanation.add("Segment " + segment + ": " + rule.rule());
        return new CustomerValue(customerId, rs.getDate("as_of").toLocalDate(), rs.getLong("run_id"), transaction,
                new CustomerValue.Relationship(rs.getDouble("relationship_score"), relationship.factors()),
                new CustomerValue.Influence(rs.getDouble("influence_score"), rs.getLong("followers"),
                        rs.getDouble("posts_per_30d"), rs.getDouble("engagement_per_post"),
                        rs.getDouble("amplification"), rs.getDouble("page_rank"), influence.factors()),
                rs.getDouble("combined"), segment, rule.rule(), explanation);
    }

    private static String describe(List<io.trinity.scoring.Factor> factors) {
        List<String> parts = new ArrayList<>();
        for (var factor : factors) {
            if (factor.points() > 0) {
                parts.add(String.format(Locale.ROOT, "%s %.1f", factor.name(), factor.points()));
            }
        }
        return parts.isEmpty() ? "nothing yet" : String.join(", ", parts);
    }

    private static long[] longs(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).longValue();
        }
        return out;
    }

    private static double[] doubles(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).doubleValue();
        }
        return out;
    }
}
