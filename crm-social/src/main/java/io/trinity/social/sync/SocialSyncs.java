package io.trinity.social.sync;

import io.trinity.shared.InvalidInputException;
import io.trinity.shared.NotFoundException;
import io.trinity.social.connection.ConnectionView;
import io.trinity.social.connection.Connections;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Starts syncs (on demand, in the background), records them in the sync log, and applies their outcome. */
@Service
public class SocialSyncs {

    private static final Logger log = LoggerFactory.getLogger(SocialSyncs.class);

    private final Connections connections;
    private final Map<String, SocialConnector> connectors;
    private final JdbcClient jdbc;
    private final javax.sql.DataSource dataSource;
    private final JsonMapper json = JsonMapper.builder().build();
    /** One at a time, on a thread from Boot's task-execution settings; stopped with the application. */
    private final ThreadPoolTaskExecutor executor;

    SocialSyncs(Connections connections, List<SocialConnector> connectors, JdbcClient jdbc,
            javax.sql.DataSource dataSource, ThreadPoolTaskExecutorBuilder executors) {
        this.executor = executors.threadNamePrefix("social-sync-").corePoolSize(1).maxPoolSize(1)
                .customizers(pool -> pool.setDaemon(true)).build();
        this.executor.initialize();
        this.dataSource = dataSource;
        this.connections = connections;
        this.connectors = connectors.stream().collect(Collectors.toMap(SocialConnector::network, Function.identity()));
        this.jdbc = jdbc;
    }

    /** A sync as the API reports it. */
    public record SyncView(long id, long connectionId, String status, Instant startedAt, @Nullable Instant finishedAt,
            int fetched, int created, int unchanged, String errorsJson) {
    }

    public SyncView start(long connectionId) {
        long id = register(connectionId);
        executor.submit(() -> execute(connectionId, id));
        return find(connectionId, id).orElseThrow();
    }

    public SyncView runNow(long connectionId) {
        long id = register(connectionId);
        execute(connectionId, id);
        return find(connectionId, id).orElseThrow();
    }

    private long register(long connectionId) {
        ConnectionView connection = connections.get(connectionId);
        if (!connectors.containsKey(connection.network())) {
            throw new InvalidInputException("network", connection.network() + " connections are not pulled by a "
                    + "connector" + (connection.network().equals("checkin-webhook") ? " (they receive webhooks)"
                            : " yet"));
        }
        if (connection.status().equals("paused")) {
            throw new InvalidInputException("status", "the connection is paused");
        }
        return jdbc.sql("insert into social_sync (connection_id, status) values (?, 'running') returning id")
                .param(connectionId).query(Long.class).single();
    }

    /** Key space of the PostgreSQL advisory locks that keep one runner per connection across app instances. */
    static final int LOCK_SPACE = 0x534f43; // "SOC"

    void execute(long connectionId, long syncId) {
        try (java.sql.Connection lock = dataSource.getConnection()) {
            boolean mine;
            try (var ps = lock.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
                ps.setInt(1, LOCK_SPACE);
                ps.setInt(2, (int) connectionId);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    mine = rs.getBoolean(1);
                }
            }
            if (!mine) {
                SyncLog busy = new SyncLog();
                busy.error("another sync of this connection is running", "");
                finish(connectionId, syncId, busy, SocialConnector.SyncResult.FAILED, false);
                return;
            }
            try {
                executeLocked(connectionId, syncId);
            } finally {
                try (var ps = lock.prepareStatement("select pg_advisory_unlock(?, ?)")) {
                    ps.setInt(1, LOCK_SPACE);
                    ps.setInt(2, (int) connectionId);
                    ps.execute();
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not take the sync lock: " + e.getMessage(), e);
        }
    }

    /** Starts the syncs whose schedule is due; runs every minute. Webhook connections have nothing to pull. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${crm.social.scheduler-delay:60s}",
            initialDelayString = "${crm.social.scheduler-delay:60s}")
    public void scheduled() {
        List<Long> due = jdbc.sql("""
                        select c.id from social_connection c
                        where c.status in ('active', 'failing') and c.network <> 'checkin-webhook'
                          and (c.resume_at <= now()
                               or (c.resume_at is null
                                   and not exists (select 1 from social_sync s where s.connection_id = c.id
                                                   and s.started_at > now() - cast(c.schedule as interval))))
                        order by c.id""")
                .query(Long.class).list();
        for (long id : due) {
            if (connectors.containsKey(connections.get(id).network())) {
                runNow(id);
            }
        }
    }

    private void executeLocked(long connectionId, long syncId) {
        SyncLog syncLog = new SyncLog();
        SocialConnector.SyncResult result;
        try {
            ConnectionView view = connections.get(connectionId);
            Map<String, String> credentials = connections.activeCredentials(view.network()).get(connectionId);
            if (credentials == null) {
                throw new IllegalStateException("the connection is not active (" + view.status() + ")");
            }
            String cursor = jdbc.sql("select coalesce(cursor, '{}') from social_connection where id = ?")
                    .param(connectionId).query(String.class).single();
            result = connectors.get(view.network()).sync(new SocialConnector.Connection(connectionId,
                    view.accountId(), credentials, cursor), syncLog);
        } catch (RuntimeException e) {
            log.warn("Sync {} of connection {} failed", syncId, connectionId, e);
            syncLog.error("sync failed", e.getMessage());
            result = SocialConnector.SyncResult.FAILED;
        }
        finish(connectionId, syncId, syncLog, result, true);
    }

    private void finish(long connectionId, long syncId, SyncLog syncLog, SocialConnector.SyncResult result,
            boolean updateConnection) {
        String status = switch (result) {
            case SUCCEEDED -> "succeeded";
            case WAITING_RATE_LIMIT -> "waiting-rate-limit";
            case NEEDS_REAUTH, FAILED, QUOTA_SPENT -> "failed";
        };
        jdbc.sql("""
                        update social_sync set status = ?, finished_at = now(), fetched = ?, created = ?, unchanged = ?,
                               errors = cast(? as jsonb) where id = ?""")
                .params(status, syncLog.fetched(), syncLog.created(), syncLog.unchanged(),
                        json.writeValueAsString(syncLog.errors()), syncId)
                .update();
        if (!updateConnection) {
            return;
        }
        String connectionStatus = switch (result) {
            case SUCCEEDED, WAITING_RATE_LIMIT -> "active";
            case NEEDS_REAUTH -> "needs-reauth";
            case FAILED -> "failing";
            case QUOTA_SPENT -> "paused";
        };
        java.sql.Timestamp resume = result == SocialConnector.SyncResult.WAITING_RATE_LIMIT
                ? java.sql.Timestamp.from(syncLog.resumeAt() != null ? syncLog.resumeAt()
                        : Instant.now().plusSeconds(60))
                : null;
        jdbc.sql("update social_connection set status = ?, last_success_at = case when ? then now() else "
                        + "last_success_at end, resume_at = ?, updated_at = now() where id = ?")
                .params(connectionStatus, result == SocialConnector.SyncResult.SUCCEEDED, resume, connectionId)
                .update();
    }

    public Optional<SyncView> find(long connectionId, long syncId) {
        return jdbc.sql("select * from social_sync where id = ? and connection_id = ?").params(syncId, connectionId)
                .query((rs, n) -> {
                    java.sql.Timestamp finished = rs.getTimestamp("finished_at");
                    return new SyncView(rs.getLong("id"), rs.getLong("connection_id"), rs.getString("status"),
                            rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                            rs.getInt("fetched"), rs.getInt("created"), rs.getInt("unchanged"),
                            rs.getString("errors"));
                })
                .optional();
    }

    /** The latest syncs of all connections, newest first, for the admin console's sync log. */
    public List<SyncView> recent(int limit) {
        return jdbc.sql("select * from social_sync order by id desc limit ?").param(limit)
                .query((rs, n) -> {
                    java.sql.Timestamp finished = rs.getTimestamp("finished_at");
                    return new SyncView(rs.getLong("id"), rs.getLong("connection_id"), rs.getString("status"),
                            rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                            rs.getInt("fetched"), rs.getInt("created"), rs.getInt("unchanged"),
                            rs.getString("errors"));
                })
                .list();
    }

    public SyncView get(long connectionId, long syncId) {
        return find(connectionId, syncId).orElseThrow(() -> new NotFoundException("no sync " + syncId
                + " of connection " + connectionId));
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
