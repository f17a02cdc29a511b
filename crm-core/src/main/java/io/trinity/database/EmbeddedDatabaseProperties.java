package io.trinity.database;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL used when no {@code spring.datasource.url} is set.
 *
 * @param enabled  whether to start it at all (default true)
 * @param dataDir  where its data lives across restarts (default {@code ~/.trinity/pgdata})
 * @param port     TCP port on loopback; 0 picks a free one at each start
 */
@ConfigurationProperties("crm.embedded-db")
public record EmbeddedDatabaseProperties(@DefaultValue("true") boolean enabled, @Nullable Path dataDir,
        @DefaultValue("0") int port) {

    public Path resolvedDataDir() {
        return dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".trinity", "pgdata");
    }
}
