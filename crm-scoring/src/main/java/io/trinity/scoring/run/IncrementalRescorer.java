package io.trinity.scoring.run;

import io.trinity.scoring.RunView;
import io.trinity.scoring.CustomerValues;
import io.trinity.scoring.ScoringProperties;
import io.trinity.scoring.ScoringRuns;
import io.trinity.scoring.ScoringWeights;
import io.trinity.scoring.SegmentRuleBook;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the current run fresh between full runs: customers whose orders or activities changed are rescored
 * against that run's RFM thresholds and influence percentiles (their PageRank stays the run's), within seconds.
 */
@Service
public class IncrementalRescorer {

    private static final Logger log = LoggerFactory.getLogger(IncrementalRescorer.class);

    private static final String UPSERT = "insert into customer_value (" + ValueRow.columnList() + ") values ("
            + String.join(", ", java.util.Collections.nCopies(ValueRow.COLUMNS.size(), "?"))
            + ") on conflict (run_id, customer_id) do update set " + ValueRow.COLUMNS.stream()
                    .filter(c -> !c.equals("run_id") && !c.equals("customer_id")).map(c -> c + " = excluded." + c)
                    .collect(java.util.stream.Collectors.joining(", "));

    private final CustomerChanges changes;
    private final ScoringRuns runs;
    private final CustomerValues values;
    private final SignalReader reader;
    private final ScoringWeights weights;
    private final SegmentRuleBook segments;
    private final ScoringProperties settings;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    IncrementalRescorer(CustomerChanges changes, ScoringRuns runs, CustomerValues values, SignalReader reader,
            ScoringWeights weights, ScoringProperties settings, JdbcTemplate jdbc, TransactionTemplate transactions,
            SegmentRuleBook segments) {
        this.segments = segments;
        this.changes = changes;
        this.runs = runs;
        this.values = values;
        this.reader = reader;
        this.weights = weights;
        this.settings = settings;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelayString = "${crm.scoring.incremental-delay:5s}",
            initialDelayString = "${crm.scoring.incremental-initial-delay:10s}")
    void scheduled() {
        try {
            int n;
            do {
                n = refresh(settings.incrementalBatch());
            } while (n == settings.incrementalBatch());
        } catch (RuntimeException e) {
            log.warn("Incremental rescoring failed; the customers stay queued: {}", e.getMessage());
        }
    }

    /** Rescores up to {@code limit} changed customers against the current run; returns how many. */
    public int refresh(int limit) {
        OptionalLong current = runs.currentRunId();
        if (current.isEmpty()) {
            return 0;
        }
        long runId = current.getAsLong();
        RunView run = runs.find(runId).orElseThrow();
        Population population = values.population(runId);
        Integer rescored = transactions.execute(status -> {
            List<Long> ids = changes.take(limit);
            if (ids.isEmpty()) {
                return 0;
            }
            long[] only = ids.stream().mapToLong(Long::longValue).sorted().toArray();
            Signals signals = reader.read(run.asOf(), settings, only, false);
            Map<Long, Double> pageRank = new HashMap<>();
            jdbc.query(con -> {
                var ps = con.prepareStatement(
                        "select customer_id, page_rank from customer_value where run_id = ? and customer_id = any(?)");
                ps.setLong(1, runId);
                ps.setArray(2, con.createArrayOf("bigint", ids.toArray()));
                return ps;
            }, rs -> {
                pageRank.put(rs.getLong(1), rs.getDouble(2));
            });
            ValueRow[] rows = Scorer.incremental(signals, population, id -> pageRank.getOrDefault(id, 0.0),
                    settings.rfmWeights(), weights.version(run.weightsVersion()).weights(),
                    segments.forRun(runId).rules());
            jdbc.batchUpdate(UPSERT, java.util.Arrays.stream(rows).map(r -> new Object[] {runId, r.customerId(),
                r.recencyDays(), r.frequency(), r.monetaryMinor(), r.transactionScore() == null ? null : r.r(),
                r.transactionScore() == null ? null : r.f(), r.transactionScore() == null ? null : r.m(),
                r.transactionScore(), r.profileFields(), r.consent(), r.preferences(), r.linkedIdentities(),
                r.reviews(), r.conversations(), r.referrals(), r.checkins(), r.relationshipScore(), r.followers(),
                r.postsPer30d(), r.engagementPerPost(), r.amplification(), r.pageRank(), r.influenceScore(),
                r.combined(), r.segment()}).toList());
            // Customers no longer active (merged into another, anonymised) leave the current run's lists.
            java.util.Set<Long> scored = new java.util.HashSet<>();
            for (ValueRow r : rows) {
                scored.add(r.customerId());
            }
            Object[] gone = ids.stream().filter(id -> !scored.contains(id)).toArray();
            if (gone.length > 0) {
                jdbc.update(con -> {
                    var ps = con.prepareStatement("delete from customer_value where run_id = ? and customer_id = any(?)");
                    ps.setLong(1, runId);
                    ps.setArray(2, con.createArrayOf("bigint", gone));
                    return ps;
                });
            }
            return rows.length;
        });
        return rescored == null ? 0 : rescored;
    }
}
