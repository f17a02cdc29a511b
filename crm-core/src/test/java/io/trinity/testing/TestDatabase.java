package io.trinity.testing;

import io.trinity.database.EmbeddedPostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one real PostgreSQL 17 that every test of a JVM shares: a Testcontainers container where a Docker engine
 * runs, otherwise the embedded server (thrown away at exit). Started on first use.
 */
public final class TestDatabase {

    public record Connection(String url, String username, String password, String kind) {
    }

    private static volatile Connection connection;

    private TestDatabase() {
    }

    public static Connection connection() {
        if (connection == null) {
            synchronized (TestDatabase.class) {
                if (connection == null) {
                    connection = start();
                }
            }
        }
        return connection;
    }

    private static Connection start() {
        if (!Boolean.getBoolean("trinity.test.embedded-only") && dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "testcontainers");
        }
        try {
            Path dir = Files.createTempDirectory("trinity-test-pg");
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, 0, true, false); // throw-away: speed over durability
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    // the JVM is going away; nothing more to do
                }
            }));
            return new Connection(server.jdbcUrl("postgres"), "postgres", "", "embedded");
        } catch (IOException e) {
            throw new IllegalStateException("could not create a directory for the test database", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
