package io.trinity.scoring;

import io.trinity.scoring.run.Population;
import io.trinity.scoring.run.Signals;
import io.trinity.scoring.run.ValueRow;
import io.trinity.scoring.run.Scorer;
import io.trinity.scoring.run.SignalReader;
import io.trinity.database.BinaryCopyWriter;
import io.trinity.scoring.CombinedWeights;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts, executes and reports scoring runs. Two runs never overlap (a unique index admits one running row); a
 * run is atomic to readers, who always read the newest <em>succeeded</em> run, so a run that fails or is killed
 * leaves the previous results in place. The process executing a run holds an advisory lock ({@link Owner}); a
 * "running" run nobody holds the lock for is reclaimed as failed at once, at start-up or at the next start.
 */
@Service
public class ScoringRuns {

    private static final Logger log = LoggerFactory.getLogger(ScoringRuns.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final SignalReader reader;
    private final ScoringWeights weights;
    private final ScoringProperties settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SegmentRuleBook segments;
    /** One at a time, on a thread from Boot's task-execution settings; stopped with the application. */
    private final ThreadPoolTaskExecutor executor;

    ScoringRuns(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions, SignalReader reader,
            ScoringWeights weights, ScoringProperties settings, Clock clock, ApplicationEventPublisher events,
            SegmentRuleBook segments, ThreadPoolTaskExecutorBuilder executors) {
        this.executor = executors.threadNamePrefix("scoring-run-").corePoolSize(1).maxPoolSize(1)
                .customizers(pool -> pool.setDaemon(true)).build();
        this.executor.initialize();
        this.events = events;
        this.segments = segments;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.reader = reader;
        this.weights = weights;
        this.settings = settings;
        this.clock = clock;
    }

    /** Registers a run and executes it in the background; throws {@link RunInProgressException} if one runs. */
    public RunView start(@Nullable LocalDate asOf, String requestedBy) {
        LocalDate day = validAsOf(asOf);
        Owner owner = claim();
        try {
            RunView run = register(day, requestedBy);
            executor.submit(() -> {
                try (owner) {
                    execute(run.id());
                }
            });
            return run;
        } catch (RuntimeException e) {
            owner.close();
            throw e;
        }
    }

    /** Registers and executes a run on the caller's thread (benchmarks, tests, scheduled jobs). */
    public RunView runNow(@Nullable LocalDate asOf, String requestedBy) {
        LocalDate day = validAsOf(asOf);
        try (Owner owner = claim()) {
            RunView run = register(day, requestedBy);
            execute(run.id());
            return find(run.id()).orElseThrow();
        }
    }

    /** Key space of the advisory lock that the process executing a run holds for as long as it runs. */
    public static final int RUN_LOCK = 0x5c0e;

    /**
     * The right to run: a session-level advisory lock held on a connection of its own for the whole run. Its owner
     * dying (kill -9, a crash, a lost connection) releases it at once, so "running" with nobody holding the lock
     * means the run is orphaned and can be reclaimed without waiting for its heartbeat to go stale.
     */
    static final class Owner implements AutoCloseable {

        private final Connection connection;

        private Owner(Connection connection) {
            this.connection = connection;
        }

        static Owner claim(DataSource dataSource) {
            Connection connection;
            try {
                connection = dataSource.getConnection();
            } catch (SQLException e) {
                throw new org.springframework.jdbc.CannotGetJdbcConnectionException("no connection for a run", e);
            }
            try (var ps = connection.prepareStatement("select pg_try_advisory_lock(?, 0)")) {
                ps.setInt(1, RUN_LOCK);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return new Owner(connection);
                    }
                }
                connection.close();
                throw new RunInProgressException(-1);
            } catch (SQLException e) {
                try {
                    connection.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
                throw new org.springframework.jdbc.UncategorizedSQLException("claiming the run lock", null, e);
            }
        }

        @Override
        public void close() {
            try (connection; var ps = connection.prepareStatement("select pg_advisory_unlock(?, 0)")) {
                ps.setInt(1, RUN_LOCK);
                ps.execute();
            } catch (SQLException e) {
                log.warn("Could not release the scoring-run lock cleanly: {}", e.toString());
            }
        }
    }

    private Owner claim() {
        try {
            return Owner.claim(dataSource);
        } catch (RunInProgressException e) {
            throw new RunInProgressException(jdbc.sql("select id from scoring_run where status = 'running'")
                    .query(Long.class).optional().orElse(-1L));
        }
    }

    /** The run's date: today when not given; never after today (a run as of tomorrow values purchases to come). */
    private LocalDate validAsOf(@Nullable LocalDate asOf) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate day = asOf != null ? asOf : today;
        if (day.isAfter(today) || day.isBefore(io.trinity.shared.TimeWindow.DEFAULT_EARLIEST)) {
            throw new io.trinity.shared.InvalidInputException("asOf", "must be a date from "
                    + io.trinity.shared.TimeWindow.DEFAULT_EARLIEST + " to today (" + today + ")");
        }
        return day;
    }

    /** Registers a run; the caller holds the {@link Owner} lock, so any other "running" row is orphaned. */
    private RunView register(LocalDate day, String requestedBy) {
        reclaim("interrupted: the application running it stopped");
        int weightsVersion = weights.current().version();
        int segmentsVersion = segments.current().version();
        try {
            long id = jdbc.sql("""
                            insert into scoring_run (as_of, status, weights_version, phase, settings,
                                                     segment_rules_version)
                            values (?, 'running', ?, 'queued', cast(? as jsonb), ?) returning id""")
                    .params(java.sql.Date.valueOf(day), weightsVersion, settingsJson(requestedBy),
                            segmentsVersion == 0 ? null : segmentsVersion)
                    .query(Long.class).single();
            return find(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            long running = jdbc.sql("select id from scoring_run where status = 'running'").query(Long.class)
                    .optional().orElse(-1L);
            throw new RunInProgressException(running);
        }
    }

    /**
     * Reclaims runs whose owner is gone (start-up calls this): when nobody holds the run lock, every "running" row
     * is a run whose process died; it is marked failed and its partial rows dropped, and the previous run's scores
     * stay published. A run some live instance is executing is left alone.
     */
    public int reclaimStale() {
        Owner owner;
        try {
            owner = Owner.claim(dataSource);
        } catch (RunInProgressException e) {
            return 0; // a live process owns the running run
        }
        try (owner) {
            return reclaim("interrupted: the application running it stopped");
        }
    }

    /** Marks every "running" run failed and drops its rows; call only while holding the run lock. */
    private int reclaim(String why) {
        return transactions.execute(status -> {
            var orphans = jdbc.sql("""
                            update scoring_run set status = 'failed', finished_at = now(), error = ?
                            where status = 'running' returning id""")
                    .param(why).query(Long.class).list();
            orphans.forEach(this::dropSnapshot);
            if (!orphans.isEmpty()) {
                log.warn("Reclaimed scoring run(s) {}: {}", orphans, why);
            }
            return orphans.size();
        });
    }

    void execute(long runId) {
        long started = System.nanoTime();
        Map<String, Long> timings = new LinkedHashMap<>();
        Map<String, Object> counts = new LinkedHashMap<>();
        try {
            RunView run = find(runId).orElseThrow();
            CombinedWeights combined = weights.version(run.weightsVersion()).weights();
            phase(runId, "reading signals", 5);
            long t = System.nanoTime();
            Signals signals = reader.read(run.asOf(), settings, null, true);
            timings.put("read", ms(t));
            new java.util.TreeMap<>(signals.readTimings).forEach(timings::put);
            phase(runId, "scoring", 50);
            t = System.nanoTime();
            Scorer.Outcome outcome = Scorer.full(signals, settings.rfmWeights(), combined,
                    segments.forRun(runId).rules());
            timings.put("pageRank", outcome.pageRankMillis());
            timings.put("score", ms(t) - outcome.pageRankMillis());
            // Each customer's row is scored as it is written, while the server stores the rows before it.
            phase(runId, "scoring and writing", 60);
            t = System.nanoTime();
            Written written = write(runId, outcome);
            timings.put("copy", written.copyMillis());
            timings.put("indexes", written.indexMillis());
            timings.put("write", ms(t));
            timings.put("total", ms(started));
            counts.put("customers", outcome.size());
            counts.put("transactionScored", written.transactionScored());
            counts.put("transactionUnscored", outcome.size() - written.transactionScored());
            counts.put("ordersWithoutRate", signals.skippedOrders);
            counts.put("graphEdges", signals.edgeSources.length);
            counts.put("graphNodes", outcome.pageRankNodes());
            counts.put("pageRankIterations", outcome.pageRankIterations());
            Population population = outcome.population();
            transactions.executeWithoutResult(status -> {
                jdbc.sql("""
                                update scoring_run set status = 'succeeded', phase = 'done', progress = 100,
                                       finished_at = now(), heartbeat_at = now(), report = cast(? as jsonb),
                                       rfm_thresholds = ?, influence_quantiles = ?, quantile_points = ?
                                where id = ?""")
                        .params(report(counts, timings), population.rfmArray(), population.quantileArray(),
                                Population.QUANTILE_POINTS, runId)
                        .update();
                // Everyone changed before this run began is now scored; later changes stay queued.
                jdbc.sql("delete from customer_changed where changed_at <= (select started_at from scoring_run"
                        + " where id = ?)").param(runId).update();
                Long previous = jdbc.sql("select max(id) from scoring_run where status = 'succeeded' and id < ?")
                        .param(runId).query(Long.class).optional().orElse(null);
                events.publishEvent(new ScoringRunSucceeded(runId, previous, run.asOf()));
            });
            log.info("Scoring run {} succeeded: {} customers in {} ms ({})", runId, outcome.size(),
                    timings.get("total"), timings);
            sortIndexes(runId);
            dropOldSnapshots();
        } catch (RuntimeException e) {
            log.error("Scoring run {} failed", runId, e);
            fail(runId, e);
        }
    }

    /**
     * After publication, indexes the run's partition for the dashboard's other orders (transaction, relationship,
     * influence), concurrently so incremental rescoring goes on; outside the run's timed phases.
     */
    void sortIndexes(long runId) {
        String table = "customer_value_r" + runId;
        try {
            jdbc.sql("create index concurrently if not exists " + table + "_t_idx on " + table
                    + " (transaction_score desc, customer_id desc) where transaction_score is not null").update();
            jdbc.sql("create index concurrently if not exists " + table + "_r_idx on " + table
                    + " (relationship_score desc, customer_id desc)").update();
            jdbc.sql("create index concurrently if not exists " + table + "_i_idx on " + table
                    + " (influence_score desc, customer_id desc)").update();
        } catch (RuntimeException e) {
            log.warn("Sort indexes for run {} not built; sorting by a single score will be slower", runId, e);
        }
    }

    /**
     * Keeps the snapshots of the newest {@code crm.scoring.keep-runs} succeeded runs and drops the older ones
     * (detached concurrently first, so readers of the current run are not blocked); their run records and reports
     * stay. Returns how many snapshots were dropped. A failure here does not fail the run.
     */
    public int dropOldSnapshots() {
        try {
            List<Long> old = jdbc.sql("""
                            select r.id from scoring_run r
                            where r.status = 'succeeded' and r.id < (select min(id) from (select id from scoring_run
                                  where status = 'succeeded' order by id desc limit ?) newest)
                              and exists (select 1 from pg_class c where c.relname = 'customer_value_r' || r.id)
                            order by r.id""")
                    .param(settings.keepRuns()).query(Long.class).list();
            for (long id : old) {
                String table = "customer_value_r" + id;
                boolean attached = jdbc.sql("select count(*) from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                        + " where c.relname = ?").param(table).query(Long.class).single() > 0;
                if (attached) {
                    jdbc.sql("alter table customer_value detach partition " + table + " concurrently").update();
                }
                dropSnapshot(id);
            }
            if (!old.isEmpty()) {
                log.info("Dropped the snapshots of {} old scoring runs (keeping {})", old.size(), settings.keepRuns());
            }
            return old.size();
        } catch (RuntimeException e) {
            log.warn("Old scoring snapshots not dropped: {}", e.getMessage());
            return 0;
        }
    }

    /** Removes whatever a run wrote: its partition, attached or not. */
    void dropSnapshot(long runId) {
        jdbc.sql("drop table if exists customer_value_r" + runId).update();
    }

    private void fail(long runId, RuntimeException e) {
        transactions.executeWithoutResult(status -> {
            dropSnapshot(runId);
            jdbc.sql("update scoring_run set status = 'failed', finished_at = now(), error = ? where id = ?")
                    .params(String.valueOf(e.getMessage()), runId).update();
        });
    }

    private record Written(long copyMillis, long indexMillis, long transactionScored) {
    }

    /**
     * Writes the rows with a binary COPY into a bare table of the run's own, builds its indexes two at a time,
     * then attaches it as the run's partition (which adopts those indexes). Until then no reader can see it, and
     * {@link #dropSnapshot} removes it if the run fails or is reclaimed.
     */
    private Written write(long runId, Scorer.Outcome outcome) {
        long started = System.nanoTime();
        long[] scored = new long[1];
        String table = "customer_value_r" + runId;
        int size = outcome.size();
        transactions.executeWithoutResult(status -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            jdbc.sql("drop table if exists " + table).update();
            jdbc.sql("create table " + table + " (like customer_value including defaults including constraints,"
                    + " check (run_id = " + runId + "))").update();
            // FREEZE: the table was created in this transaction, so its rows are written already frozen and
            // no later pass has to set their hint bits.
            try (BinaryCopyWriter copy = new BinaryCopyWriter(connection, table, ValueRow.columnList(), "freeze")) {
                for (int i = 0; i < size; i++) {
                    ValueRow r = outcome.row().apply(i);
                    boolean hasTransaction = r.transactionScore() != null;
                    copy.row(ValueRow.COLUMNS.size()).int8(runId).int8(r.customerId()).int4OrNull(r.recencyDays())
                            .int4OrNull(r.frequency()).int8OrNull(r.monetaryMinor());
                    if (hasTransaction) {
                        scored[0]++;
                        copy.int2(r.r()).int2(r.f()).int2(r.m()).float8(r.transactionScore());
                    } else {
                        copy.nul().nul().nul().nul();
                    }
                    copy.int2(r.profileFields()).bool(r.consent()).bool(r.preferences()).int4(r.linkedIdentities())
                            .float8(r.reviews()).float8(r.conversations()).float8(r.referrals()).float8(r.checkins())
                            .float8(r.relationshipScore()).int8(r.followers()).float8(r.postsPer30d())
                            .float8(r.engagementPerPost()).float8(r.amplification()).float8(r.pageRank())
                            .float8(r.influenceScore()).float8(r.combined()).text(r.segment());
                    if ((i + 1) % 200_000 == 0) {
                        heartbeat(runId, 60 + (int) (30L * i / size));
                    }
                }
                copy.finish();
            } catch (SQLException e) {
                throw new IllegalStateException("writing scores failed: " + e.getMessage(), e);
            }
        });
        long copyMillis = ms(started);
        heartbeat(runId, 92);
        long indexStarted = System.nanoTime();
        // The same definitions as the partitioned table's indexes, so that attaching adopts them.
        List<List<String>> builds = List.of(
                // the segment index (with a text key) takes about as long as the other two together
                List.of("create index " + table + "_segment_idx on " + table + " (run_id, segment, combined desc,"
                        + " customer_id desc)"),
                List.of("create unique index " + table + "_pkey on " + table + " (customer_id, run_id)",
                        "alter table " + table + " add constraint " + table + "_pkey primary key using index "
                                + table + "_pkey",
                        "create index " + table + "_rank_idx on " + table + " (run_id, combined desc,"
                                + " customer_id desc)"));
        ExecutorService builders = Executors.newFixedThreadPool(builds.size());
        try {
            List<java.util.concurrent.Future<?>> done = builds.stream().map(statements -> builders.submit(() -> {
                try (Connection connection = dataSource.getConnection();
                     var statement = connection.createStatement()) {
                    // Sort a million keys in memory rather than in temporary files.
                    statement.execute("set maintenance_work_mem = '256MB'");
                    try {
                        for (String sql : statements) {
                            statement.execute(sql);
                        }
                    } finally {
                        statement.execute("reset maintenance_work_mem");
                    }
                }
                return null;
            })).collect(Collectors.toList());
            for (var future : done) {
                future.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("indexing scores failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("indexing scores was interrupted", e);
        } finally {
            builders.shutdownNow();
        }
        transactions.executeWithoutResult(status -> jdbc.sql("alter table customer_value attach partition " + table
                + " for values in (" + runId + ")").update());
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("analyze " + table);
        } catch (SQLException e) {
            log.warn("Could not analyse {}: {}", table, e.getMessage());
        }
        return new Written(copyMillis, ms(indexStarted), scored[0]);
    }

    private void phase(long runId, String phase, int progress) {
        jdbc.sql("update scoring_run set phase = ?, progress = ?, heartbeat_at = now() where id = ?")
                .params(phase, progress, runId).update();
    }

    private void heartbeat(long runId, int progress) {
        // A separate connection: the COPY's transaction is still open.
        try (Connection connection = dataSource.getConnection();
             var ps = connection.prepareStatement(
                     "update scoring_run set progress = ?, heartbeat_at = now() where id = ?")) {
            ps.setInt(1, progress);
            ps.setLong(2, runId);
            ps.executeUpdate();
        } catch (SQLException e) {
            log.debug("heartbeat failed", e);
        }
    }

    public Optional<RunView> find(long id) {
        return jdbc.sql("select * from scoring_run where id = ?").param(id).query((rs, n) -> view(rs)).optional();
    }

    /** The newest run of any status, for the console's progress display. */
    public Optional<RunView> latest() {
        return jdbc.sql("select * from scoring_run order by id desc limit 1").query((rs, n) -> view(rs)).optional();
    }

    /** The run whose results everyone reads: the newest that succeeded. */
    public OptionalLong currentRunId() {
        return jdbc.sql("select max(id) from scoring_run where status = 'succeeded'").query(Long.class).optional()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    private static RunView view(ResultSet rs) throws SQLException {
        java.sql.Timestamp finished = rs.getTimestamp("finished_at");
        return new RunView(rs.getLong("id"), rs.getDate("as_of").toLocalDate(), rs.getString("status"),
                rs.getString("phase"), rs.getInt("progress"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getInt("weights_version"),
                rs.getString("report"), rs.getString("error"));
    }

    private String settingsJson(String requestedBy) {
        String rates = settings.rates().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue().toPlainString()).collect(Collectors.joining(","));
        String edges = settings.edgeWeights().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue()).collect(Collectors.joining(","));
        return String.format(Locale.ROOT, "{\"requestedBy\":\"%s\",\"windowDays\":%d,\"baseCurrency\":\"%s\","
                        + "\"rates\":{%s},\"halfLifeDays\":%s,\"postsWindowDays\":%d,\"rfmWeights\":[%s,%s,%s],"
                        + "\"edgeWeights\":{%s}}",
                requestedBy.replaceAll("[^A-Za-z0-9._@-]", "_"), settings.windowDays(), settings.baseCurrency(),
                rates, settings.halfLifeDays(), settings.postsWindowDays(), settings.rfmWeights().recency(),
                settings.rfmWeights().frequency(), settings.rfmWeights().monetary(), edges);
    }

    private static String report(Map<String, Object> counts, Map<String, Long> timings) {
        String c = counts.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(","));
        String t = timings.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(","));
        return "{" + c + ",\"timingsMs\":{" + t + "}}";
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
