package io.trinity.duplicates;

import io.trinity.duplicates.internal.AutoMerger;
import io.trinity.duplicates.internal.CustomerRecords;
import io.trinity.duplicates.internal.KeyStore;
import io.trinity.duplicates.internal.MatchRecord;
import io.trinity.duplicates.internal.Matcher;
import io.trinity.duplicates.internal.ModelStore;
import io.trinity.duplicates.internal.PairWriter;
import io.trinity.duplicates.internal.Evidence;
import io.trinity.shared.ConflictException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Full scans (ADMIN): reads every active customer, finds candidate pairs by blocking, estimates the model from the
 * data (u from random pairs, m by EM), scores the candidates, and replaces the open queue, the blocking keys and
 * the model in one transaction; then merges the automatic band when {@code crm.identity.auto-merge} is on. One
 * scan at a time, in the background, with its phase and progress on the scan row. The same data gives the same
 * pairs and scores (the random sample has a fixed seed).
 */
@Service
public class DuplicateScans {

    private static final Logger log = LoggerFactory.getLogger(DuplicateScans.class);

    /** Seed of the random pairs behind u: a fixed seed makes scans of the same data give the same model. */
    static final long SEED = 20_261_202L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final CustomerRecords customers;
    private final ModelStore models;
    private final KeyStore keys;
    private final PairWriter pairs;
    private final AutoMerger autoMerger;
    private final DuplicateSettings settings;
    private final ThreadPoolTaskExecutor executor;
    private final Matcher matcher;
    private final IdentityProposals identityProposals;

    DuplicateScans(JdbcTemplate jdbc, TransactionTemplate transactions, CustomerRecords customers,
            ModelStore models, KeyStore keys, PairWriter pairs, AutoMerger autoMerger, DuplicateSettings settings,
            ThreadPoolTaskExecutorBuilder executors, IdentityProposals identityProposals) {
        this.identityProposals = identityProposals;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.customers = customers;
        this.models = models;
        this.keys = keys;
        this.pairs = pairs;
        this.autoMerger = autoMerger;
        this.settings = settings;
        this.executor = executors.threadNamePrefix("duplicate-scan-").corePoolSize(1).maxPoolSize(1)
                .customizers(pool -> pool.setDaemon(true)).build();
        this.executor.initialize();
        this.matcher = Evidence.matcher(settings);
    }

    /** Registers a scan and runs it in the background; 409 while another scan runs. */
    public ScanView start(String actor) {
        long id = register(actor);
        executor.submit(() -> execute(id));
        return find(id).orElseThrow();
    }

    /** Registers and runs a scan on the caller's thread (demo start, benchmarks, tests). */
    public ScanView runNow(String actor) {
        long id = register(actor);
        execute(id);
        return find(id).orElseThrow();
    }

    public Optional<ScanView> find(long id) {
        return jdbc.query("select * from duplicate_scan where id = ?", this::view, id).stream().findFirst();
    }

    /** The newest scan, if any. */
    public Optional<ScanView> latest() {
        return jdbc.query("select * from duplicate_scan order by id desc limit 1", this::view).stream().findFirst();
    }

    /** A scan that was running when the application stopped will not finish: say so, and let a new one start. */
    @EventListener(ApplicationReadyEvent.class)
    void interrupted() {
        int n = jdbc.update("update duplicate_scan set status = 'failed', finished_at = now(),"
                + " error = 'interrupted by a restart' where status = 'running'");
        if (n > 0) {
            log.warn("{} duplicate scan(s) were interrupted by a restart; start a new scan", n);
        }
    }

    private long register(String actor) {
        try {
            return jdbc.queryForObject("insert into duplicate_scan (started_by) values (?) returning id", Long.class,
                    actor);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("scan", "a duplicate scan is running already; wait for it to finish");
        }
    }

    private void execute(long scanId) {
        long started = System.nanoTime();
        Timings timings = new Timings();
        try {
            phase(scanId, "reading", 5);
            timings.enter("reading");
            List<MatchRecord> records = customers.all();
            Matcher.Result result = matcher.scan(records, SEED, (phase, percent) -> {
                timings.enter(phase);
                phase(scanId, phase, percent);
            });
            phase(scanId, "saving", 85);
            timings.enter("saving");
            List<PairWriter.Found> found = new ArrayList<>(result.pairs().size());
            for (Matcher.Scored s : result.pairs()) {
                MatchRecord a = records.get(s.first());
                MatchRecord b = records.get(s.second());
                found.add(new PairWriter.Found(a.id(), b.id(), s.probability(), s.band().label(),
                        Evidence.json(result.model(), s.vector(), b)));
            }
            long[] open = new long[1];
            transactions.executeWithoutResult(status -> {
                long version = models.save(result.model(), scanId, records.size(), result.candidates());
                timings.enter("saving keys");
                keys.replaceAll(records);
                timings.enter("saving pairs");
                open[0] = pairs.replaceAll(found, version);
                timings.enter("proposing identities");
                identityProposals.replaceAll(records);
                jdbc.update("""
                        update duplicate_scan set records = ?, candidates = ?, pairs = ?, model_version = ?
                        where id = ?""", records.size(), result.candidates(), found.size(), version, scanId);
                jdbc.update("insert into duplicate_audit (action, actor, customer_ids) values ('SCAN', ?, '{}')",
                        startedBy(scanId));
            });
            if (settings.autoMerge()) {
                phase(scanId, "merging", 95);
                timings.enter("merging");
                int merged = autoMerger.mergeAutomaticBand(null);
                log.info("Duplicate scan {} merged {} pairs of the automatic band", scanId, merged);
            }
            jdbc.update("update duplicate_scan set status = 'succeeded', phase = 'done', progress = 100,"
                    + " finished_at = now() where id = ?", scanId);
            timings.enter("done");
            log.info("Duplicate scan {}: {} customers, {} candidate pairs, {} pairs kept, {} open, in {} ms ({})",
                    scanId, records.size(), result.candidates(), found.size(), open[0],
                    (System.nanoTime() - started) / 1_000_000, timings);
        } catch (RuntimeException | OutOfMemoryError e) {
            log.error("Duplicate scan {} failed", scanId, e);
            jdbc.update("update duplicate_scan set status = 'failed', finished_at = now(), error = ? where id = ?",
                    String.valueOf(e.getMessage()).substring(0, Math.min(500, String.valueOf(e.getMessage())
                            .length())), scanId);
        }
    }

    /** Milliseconds per phase, for the log: where a slow scan spends its time. */
    private static final class Timings {
        private final java.util.LinkedHashMap<String, Long> ms = new java.util.LinkedHashMap<>();
        private @Nullable String current;
        private long since = System.nanoTime();

        void enter(String phase) {
            long now = System.nanoTime();
            if (current != null) {
                ms.merge(current, (now - since) / 1_000_000, Long::sum);
            }
            current = phase;
            since = now;
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            ms.forEach((phase, t) -> out.append(out.isEmpty() ? "" : ", ").append(phase).append(' ').append(t)
                    .append(" ms"));
            return out.toString();
        }
    }

    private String startedBy(long scanId) {
        return jdbc.queryForObject("select started_by from duplicate_scan where id = ?", String.class, scanId);
    }

    private void phase(long scanId, String phase, int percent) {
        jdbc.update("update duplicate_scan set phase = ?, progress = ? where id = ? and status = 'running'", phase,
                percent, scanId);
    }

    private ScanView view(ResultSet rs, int n) throws SQLException {
        long version = rs.getLong("model_version");
        Map<String, Object> parameters = rs.wasNull() ? Map.of() : models.parameters(version);
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ScanView(rs.getLong("id"), rs.getString("status"), rs.getString("phase"), rs.getInt("progress"),
                (Long) rs.getObject("records"), (Long) rs.getObject("candidates"), (Long) rs.getObject("pairs"),
                parameters, rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getString("error"));
    }

}
