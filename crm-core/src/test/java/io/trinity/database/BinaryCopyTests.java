package io.trinity.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Binary COPY both ways against the real server: every type the scoring run uses, NULLs, text that needs no
 * escaping in this format (quotes, commas, newlines, non-ASCII), a volume that spans many COPY messages, and an
 * unfinished COPY that stores nothing.
 */
@SpringBootTest
class BinaryCopyTests {

    @Autowired
    DataSource dataSource;

    @Test
    void rowsWrittenInBinaryReadBackExactly() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement()) {
            st.execute("create temporary table copy_probe (id bigint, n int, s smallint, x float8, b boolean,"
                    + " t text, at timestamptz)");
            String hostile = "Robert\"); drop table customer;--,\n\tÅse 😀";
            int rows = 50_000;
            long written;
            try (BinaryCopyWriter out = new BinaryCopyWriter(connection, "copy_probe", "id, n, s, x, b, t, at")) {
                for (int i = 0; i < rows; i++) {
                    out.row(7).int8(i == 0 ? Long.MIN_VALUE : i * 1_000_003L).int4OrNull(i % 5 == 0 ? null : -i)
                            .int2(i % 300).float8OrNull(i % 7 == 0 ? null : i / 3.0).bool(i % 2 == 0)
                            .text(i == 1 ? hostile : "row " + i);
                    if (i % 11 == 0) {
                        out.nul();
                    } else {
                        // a timestamptz is int8 microseconds since 2000-01-01 in the binary format
                        out.int8((Instant.parse("2026-06-30T12:00:00.123456Z").getEpochSecond() * 1_000_000L
                                + 123_456L) - BinaryCopyReader.POSTGRES_EPOCH_MICROS + i);
                    }
                }
                written = out.finish();
            }
            assertThat(written).isEqualTo(rows);

            List<String> seen = new ArrayList<>();
            long count = 0;
            try (BinaryCopyReader in = BinaryCopyReader.open(connection,
                    "select id, n, s, x, b, t, at from copy_probe order by s, id")) {
                while (in.next()) {
                    long id = in.int8();
                    Integer n = in.isNull() ? skipNull(in) : Integer.valueOf(in.int4());
                    short s = in.int2();
                    Double x = in.isNull() ? skipNullDouble(in) : Double.valueOf(in.float8());
                    boolean b = in.bool();
                    String t = in.text();
                    Long at = in.isNull() ? skipNullLong(in) : Long.valueOf(in.timestampMicros());
                    long i = id == Long.MIN_VALUE ? 0 : id / 1_000_003L;
                    assertThat(n).isEqualTo(i % 5 == 0 ? null : (int) -i);
                    assertThat(s).isEqualTo((short) (i % 300));
                    assertThat(x).isEqualTo(i % 7 == 0 ? null : i / 3.0);
                    assertThat(b).isEqualTo(i % 2 == 0);
                    assertThat(t).isEqualTo(i == 1 ? hostile : "row " + i);
                    if (i % 11 == 0) {
                        assertThat(at).isNull();
                    } else {
                        assertThat(at).isEqualTo(Instant.parse("2026-06-30T12:00:00.123456Z").getEpochSecond()
                                * 1_000_000L + 123_456L + i);
                    }
                    if (i == 1) {
                        seen.add(t);
                    }
                    count++;
                }
                assertThat(in.rows()).isEqualTo(rows);
            }
            assertThat(count).isEqualTo(rows);
            assertThat(seen).containsExactly(hostile);

            // text keys for short codes, as the scoring run matches currencies and activity types
            try (BinaryCopyReader in = BinaryCopyReader.open(connection,
                    "select x from unnest(array['USD', 'REFERRAL', 'CHECKIN', 'COMMENT']) x")) {
                List<Long> keys = new ArrayList<>();
                while (in.next()) {
                    keys.add(in.textKey());
                }
                assertThat(keys).containsExactly(BinaryCopyReader.key("USD"), BinaryCopyReader.key("REFERRAL"),
                        BinaryCopyReader.key("CHECKIN"), BinaryCopyReader.key("COMMENT"));
                assertThat(BinaryCopyReader.key("CHECKIN")).isNotEqualTo(BinaryCopyReader.key("COMMENT"));
            }
        }
    }

    @Test
    void aCopyLeftUnfinishedStoresNothingAndAReadLeftEarlyFreesTheConnection() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement()) {
            st.execute("create temporary table copy_probe2 (id bigint)");
            try (BinaryCopyWriter out = new BinaryCopyWriter(connection, "copy_probe2", "id")) {
                out.row(1).int8(1);
                // closed without finish(): cancelled
            }
            assertThatThrownBy(() -> {
                try (BinaryCopyWriter out = new BinaryCopyWriter(connection, "copy_probe2", "id")) {
                    out.row(1).text("not a number");
                    out.finish();
                }
            }).isInstanceOf(SQLException.class);
            try (BinaryCopyReader in = BinaryCopyReader.open(connection, "select generate_series(1, 100000)::int8")) {
                assertThat(in.next()).isTrue();
                assertThat(in.int8()).isEqualTo(1);
            }
            try (var rs = st.executeQuery("select count(*) from copy_probe2")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }

    private static Integer skipNull(BinaryCopyReader in) throws SQLException {
        in.skip();
        return null;
    }

    private static Double skipNullDouble(BinaryCopyReader in) throws SQLException {
        in.skip();
        return null;
    }

    private static Long skipNullLong(BinaryCopyReader in) throws SQLException {
        in.skip();
        return null;
    }
}
