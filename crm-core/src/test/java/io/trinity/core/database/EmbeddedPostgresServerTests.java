package io.trinity.core.database;

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
}
