package io.trinity.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Where a Docker engine runs, the migrations and Hibernate's validation also pass against the official
 * PostgreSQL 17 image through {@code @ServiceConnection}. Skipped without Docker; the embedded server covers
 * every other test then.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest
class PostgresContainerTests {

    @Container
    @ServiceConnection
    static PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");

    @Autowired
    JdbcClient jdbc;

    @Test
    void migrationsApplyToTheOfficialImage() {
        assertThat(jdbc.sql("show server_version").query(String.class).single()).startsWith("17");
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
                .isPositive();
    }
}
