package io.trinity.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTests {

    @Test
    void dataSurvivesAStopAndStartOnTheSameDirectory(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pgdata");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, false);
             var connection = DriverManager.getConnection(server.jdbcUrl("postgres"))) {
            connection.createStatement().execute("create table kept (v text); insert into kept values ('still here')");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, false);
             var connection = DriverManager.getConnection(server.jdbcUrl("postgres"));
             var rs = connection.createStatement().executeQuery("select v from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
            assertThat(server.dataDir()).isEqualTo(data);
        }
    }

    @Test
    void theDefaultServerIsDurable(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir.resolve("pgdata"), 0, false);
             var connection = DriverManager.getConnection(server.jdbcUrl("postgres"))) {
            assertThat(setting(connection, "fsync")).isEqualTo("on");
            assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(connection, "full_page_writes")).isEqualTo("on");
        }
    }

    private static String setting(java.sql.Connection connection, String name) throws Exception {
        try (var rs = connection.createStatement().executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
