package io.trinity.database;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows with {@code COPY … FROM STDIN (FORMAT binary)} as one continuous stream: the server parses and stores
 * a chunk while the caller encodes the next, and no value goes through text. Each row must write exactly the
 * columns named, in order, after {@link #row(int)}.
 */
public final class BinaryCopyWriter implements AutoCloseable {

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final int FLUSH_AT = 1 << 20;

    private final CopyIn copy;
    private byte[] buffer = new byte[FLUSH_AT + 4096];
    private int position;
    private long rows;
    private boolean done;

    /** {@code options} are added to the COPY's WITH list, e.g. {@code "freeze"} for a table made in this transaction. */
    public BinaryCopyWriter(Connection connection, String table, String columns, String... options)
            throws SQLException {
        StringBuilder with = new StringBuilder("format binary");
        for (String option : options) {
            with.append(", ").append(option);
        }
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + table + " (" + columns + ") from stdin with (" + with + ")");
        System.arraycopy("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1), 0, buffer, 0, 11);
        position = 11 + 8; // signature, flags 0, header extension length 0
    }

    /** Starts a row of {@code fields} columns. */
    public BinaryCopyWriter row(int fields) throws SQLException {
        if (position >= FLUSH_AT) {
            flush();
        }
        room(2);
        SHORT.set(buffer, position, (short) fields);
        position += 2;
        rows++;
        return this;
    }

    public BinaryCopyWriter nul() {
        room(4);
        INT.set(buffer, position, -1);
        position += 4;
        return this;
    }

    public BinaryCopyWriter int8(long value) {
        room(12);
        INT.set(buffer, position, 8);
        LONG.set(buffer, position + 4, value);
        position += 12;
        return this;
    }

    public BinaryCopyWriter int4(int value) {
        room(8);
        INT.set(buffer, position, 4);
        INT.set(buffer, position + 4, value);
        position += 8;
        return this;
    }

    public BinaryCopyWriter int2(int value) {
        room(6);
        INT.set(buffer, position, 2);
        SHORT.set(buffer, position + 4, (short) value);
        position += 6;
        return this;
    }

    public BinaryCopyWriter float8(double value) {
        return int8(Double.doubleToRawLongBits(value));
    }

    public BinaryCopyWriter bool(boolean value) {
        room(5);
        INT.set(buffer, position, 1);
        buffer[position + 4] = (byte) (value ? 1 : 0);
        position += 5;
        return this;
    }

    public BinaryCopyWriter text(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        room(4 + bytes.length);
        INT.set(buffer, position, bytes.length);
        System.arraycopy(bytes, 0, buffer, position + 4, bytes.length);
        position += 4 + bytes.length;
        return this;
    }

    public BinaryCopyWriter int8OrNull(Long value) {
        return value == null ? nul() : int8(value);
    }

    public BinaryCopyWriter int4OrNull(Integer value) {
        return value == null ? nul() : int4(value);
    }

    public BinaryCopyWriter float8OrNull(Double value) {
        return value == null ? nul() : float8(value);
    }

    public long rows() {
        return rows;
    }

    private void room(int bytes) {
        if (position + bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + bytes));
        }
    }

    private void flush() throws SQLException {
        if (position > 0) {
            copy.writeToCopy(buffer, 0, position);
            position = 0;
        }
    }

    /** Sends the trailer and ends the COPY; returns the number of rows the server stored. */
    public long finish() throws SQLException {
        room(2);
        SHORT.set(buffer, position, (short) -1);
        position += 2;
        flush();
        done = true;
        return copy.endCopy();
    }

    /** Cancels a COPY that was not finished (the transaction then fails, nothing is stored). */
    @Override
    public void close() throws SQLException {
        if (!done && copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
