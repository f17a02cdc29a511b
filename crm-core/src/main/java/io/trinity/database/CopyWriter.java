package io.trinity.database;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** Buffers rows in PostgreSQL's CSV COPY format and sends them in large chunks. */
public final class CopyWriter implements AutoCloseable {

    private static final int FLUSH_AT = 8 * 1024 * 1024;

    private final CopyManager copy;
    private final String sql;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private long rows;

    public CopyWriter(Connection connection, String table, String columns) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.sql = "copy " + table + " (" + columns + ") from stdin with (format csv)";
    }

    public void row(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append(',');
            }
            Object value = values[i];
            if (value == null) {
                continue; // empty unquoted = NULL in CSV COPY
            }
            String text = value.toString();
            if (value instanceof Number || value instanceof Boolean) {
                buffer.append(text);
            } else {
                buffer.append('"').append(text.replace("\"", "\"\"")).append('"');
            }
        }
        buffer.append('\n');
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    public long rows() {
        return rows;
    }

    private void flush() throws SQLException {
        if (buffer.isEmpty()) {
            return;
        }
        try {
            copy.copyIn(sql, new StringReader(buffer.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY failed", e);
        }
        buffer.setLength(0);
    }

    @Override
    public void close() throws SQLException {
        flush();
    }
}
