package io.trinity.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A feature's door for loading many rows of its own table at COPY speed (demo and benchmark data): the feature
 * names its table and columns, the caller supplies rows in that column order on its own connection and
 * transaction. Nobody else writes the table.
 */
public abstract class BulkLoad {

    private final String table;
    private final String columns;

    protected BulkLoad(String table, String columns) {
        this.table = table;
        this.columns = columns;
    }

    /** The columns, in the order {@link CopyWriter#row} takes them. */
    public String columns() {
        return columns;
    }

    public CopyWriter open(Connection connection) throws SQLException {
        return new CopyWriter(connection, table, columns);
    }

    /** The highest id so far, for callers that assign ids themselves. */
    public long maxId(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             var rs = st.executeQuery("select coalesce(max(id), 0) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** After a load: the identity sequence past the ids given explicitly, and fresh planner statistics. */
    public void finish(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            if (assignsIds()) {
                st.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'),"
                        + " greatest(1, (select coalesce(max(id), 1) from " + table + ")))");
            }
            st.execute("analyze " + table);
        }
    }

    /** Whether callers give the ids (then the sequence is moved past them in {@link #finish}). */
    protected boolean assignsIds() {
        return columns.startsWith("id,");
    }
}
