package io.trinity.imports.web;

import io.trinity.imports.CustomerCsvImport;
import io.trinity.imports.ImportReport;
import io.trinity.imports.OrderCsvImport;
import jakarta.annotation.PreDestroy;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs CSV imports uploaded in the console one after another in the background, reporting progress as the share
 * of the file read so far; the report keeps the per-row errors. Jobs live in memory: a restart forgets finished
 * jobs (the rows imported stay imported, in 1,000-row chunks, as for the API).
 */
@Component
class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final int KEEP = 50;

    /** One import: what, by whom, how far, and its report or error when finished. */
    static final class Job {
        final long id;
        final String kind;
        final String fileName;
        final String startedBy;
        final boolean dryRun;
        final long bytes;
        final Instant startedAt = Instant.now();
        final AtomicLong read = new AtomicLong();
        volatile @Nullable ImportReport report;
        volatile @Nullable String error;
        volatile @Nullable Instant finishedAt;
        /** The rejected rows as a CSV (the file's columns and an error column), when there were any. */
        volatile byte @Nullable [] rejectedRows;

        Job(long id, String kind, String fileName, String startedBy, boolean dryRun, long bytes) {
            this.dryRun = dryRun;
            this.id = id;
            this.kind = kind;
            this.fileName = fileName;
            this.startedBy = startedBy;
            this.bytes = bytes;
        }

        public long id() {
            return id;
        }

        public String kind() {
            return kind;
        }

        public String fileName() {
            return fileName;
        }

        public String startedBy() {
            return startedBy;
        }

        public Instant startedAt() {
            return startedAt;
        }

        public @Nullable ImportReport report() {
            return report;
        }

        public @Nullable String error() {
            return error;
        }

        public boolean dryRun() {
            return dryRun;
        }

        public boolean hasRejectedRows() {
            return rejectedRows != null;
        }

        public @Nullable Instant finishedAt() {
            return finishedAt;
        }

        public boolean running() {
            return finishedAt == null;
        }

        public int progress() {
            if (!running()) {
                return 100;
            }
            return bytes == 0 ? 0 : (int) Math.min(99, read.get() * 100 / bytes);
        }
    }

    private final CustomerCsvImport customers;
    private final OrderCsvImport orders;
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    /** One at a time, on a thread from Boot's task-execution settings; stopped with the application. */
    private final ThreadPoolTaskExecutor executor;

    ImportJobs(CustomerCsvImport customers, OrderCsvImport orders, ThreadPoolTaskExecutorBuilder executors) {
        this.executor = executors.threadNamePrefix("console-import-").corePoolSize(1).maxPoolSize(1)
                .customizers(pool -> pool.setDaemon(true)).build();
        this.executor.initialize();
        this.customers = customers;
        this.orders = orders;
    }

    Job start(String kind, String fileName, InputStream upload, String startedBy, boolean dryRun) {
        if (!kind.equals("customers") && !kind.equals("orders")) {
            throw new IllegalArgumentException("kind must be customers or orders");
        }
        Path file;
        try {
            file = Files.createTempFile("trinity-import-", ".csv");
            try (upload) {
                Files.copy(upload, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the upload", e);
        }
        Job job;
        try {
            job = new Job(ids.incrementAndGet(), kind, fileName, startedBy, dryRun, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jobs.put(job.id, job);
        forgetOld();
        executor.submit(() -> run(job, file));
        return job;
    }

    private void run(Job job, Path file) {
        try (InputStream in = new Counting(Files.newInputStream(file), job.read)) {
            ImportReport report = job.kind.equals("customers") ? customers.importCsv(in, job.dryRun)
                    : orders.importCsv(in, job.dryRun);
            job.rejectedRows = RejectedRows.of(file, report);
            job.report = report;
        } catch (RuntimeException | IOException e) {
            log.warn("Console import {} of {} failed", job.id, job.fileName, e);
            job.error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } finally {
            job.finishedAt = Instant.now();
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.debug("temporary import file {} left behind", file);
            }
        }
    }

    Optional<Job> find(long id) {
        return Optional.ofNullable(jobs.get(id));
    }

    List<Job> recent() {
        return jobs.values().stream().sorted(Comparator.comparingLong(Job::id).reversed()).toList();
    }

    private void forgetOld() {
        jobs.values().stream().filter(j -> !j.running()).sorted(Comparator.comparingLong(Job::id).reversed())
                .skip(KEEP).forEach(j -> jobs.remove(j.id));
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }

    /** Counts the bytes the importer has consumed, for the progress bar. */
    private static final class Counting extends FilterInputStream {

        private final AtomicLong read;

        Counting(InputStream in, AtomicLong read) {
            super(in);
            this.read = read;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                read.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                read.addAndGet(n);
            }
            return n;
        }
    }
}
