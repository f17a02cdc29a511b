package io.trinity.database;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;

/** Builds JDBC arrays for set-based statements ({@code unnest(?::text[], ...)}) that write a whole batch at once. */
public final class SqlArrays {

    private SqlArrays() {
    }

    public static Array text(Connection connection, Object[] values) throws SQLException {
        return connection.createArrayOf("text", values);
    }

    public static Array bigint(Connection connection, Object[] values) throws SQLException {
        return connection.createArrayOf("bigint", values);
    }

    public static Array bool(Connection connection, Object[] values) throws SQLException {
        return connection.createArrayOf("boolean", values);
    }
}
