package io.trinity.database;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Streams the result of {@code COPY (query) TO STDOUT (FORMAT binary)}: millions of rows arrive as PostgreSQL's
 * own binary values, without the per-column text conversions (on both sides) of a JDBC result set, which is what
 * makes bulk reads of the scoring run cost seconds rather than tens of seconds.
 *
 * <p>COPY takes no bind parameters, so a query given here must be built from typed values only (numbers, dates
 * formatted by {@code java.time}), never from text that came from outside.
 *
 * <p>Use: {@code while (reader.next()) { long id = reader.int8(); ... }}, reading every field of a row in order
 * (or {@link #skip()} it); {@link #isNull()} peeks at the next field. Closing before the end reads the rest.
 */
public final class BinaryCopyReader implements AutoCloseable {

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);

    /** Microseconds between 1970-01-01 and PostgreSQL's epoch, 2000-01-01 (UTC). */
    public static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    private final CopyOut copy;
    private byte[] buffer = new byte[0];
    private int position;
    private int limit;
    private boolean finished;
    private long rows;

    private BinaryCopyReader(CopyOut copy) {
        this.copy = copy;
    }

    /** Starts {@code COPY (select) TO STDOUT (FORMAT binary)} on the connection and reads the header. */
    public static BinaryCopyReader open(Connection connection, String select) throws SQLException {
        CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyOut("copy (" + select + ") to stdout (format binary)");
        BinaryCopyReader reader = new BinaryCopyReader(copy);
        reader.header();
        return reader;
    }

    private void header() throws SQLException {
        require(SIGNATURE.length + 8);
        if (!Arrays.equals(buffer, position, position + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new SQLException("not a binary COPY stream");
        }
        position += SIGNATURE.length + 4; // signature, flags
        int extension = (int) INT.get(buffer, position);
        position += 4;
        require(extension);
        position += extension;
    }

    /** Moves to the next row; false after the last one. */
    public boolean next() throws SQLException {
        if (finished || !available(2)) {
            finished = true;
            return false;
        }
        short fields = (short) SHORT.get(buffer, position);
        position += 2;
        if (fields == -1) {
            finished = true;
            return false;
        }
        rows++;
        return true;
    }

    public long rows() {
        return rows;
    }

    /** Whether the next field is NULL, without consuming it. */
    public boolean isNull() throws SQLException {
        require(4);
        return (int) INT.get(buffer, position) == -1;
    }

    public long int8() throws SQLException {
        expect(8);
        long value = (long) LONG.get(buffer, position);
        position += 8;
        return value;
    }

    public int int4() throws SQLException {
        expect(4);
        int value = (int) INT.get(buffer, position);
        position += 4;
        return value;
    }

    public short int2() throws SQLException {
        expect(2);
        short value = (short) SHORT.get(buffer, position);
        position += 2;
        return value;
    }

    public double float8() throws SQLException {
        return Double.longBitsToDouble(int8());
    }

    public boolean bool() throws SQLException {
        expect(1);
        return buffer[position++] != 0;
    }

    /** A {@code timestamptz} as microseconds since 1970-01-01 UTC. */
    public long timestampMicros() throws SQLException {
        return int8() + POSTGRES_EPOCH_MICROS;
    }

    /** A {@code date} as days since 1970-01-01. */
    public int epochDay() throws SQLException {
        return int4() + 10_957;
    }

    public String text() throws SQLException {
        int length = length();
        String value = new String(buffer, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    /**
     * A short ASCII text (a currency code, an activity type) packed into a long, so a caller can match it against
     * constants from {@link #key(String)} without creating a string per row. Longer texts pack their first 8 bytes.
     */
    public long textKey() throws SQLException {
        int length = length();
        long key = pack(buffer, position, length);
        position += length;
        return key;
    }

    /** The {@link #textKey()} a text would have. */
    public static long key(String ascii) {
        byte[] bytes = ascii.getBytes(StandardCharsets.UTF_8);
        return pack(bytes, 0, bytes.length);
    }

    private static long pack(byte[] bytes, int offset, int length) {
        long key = 0;
        for (int i = 0; i < Math.min(length, 8); i++) {
            key = key << 8 | (bytes[offset + i] & 0xff);
        }
        return key;
    }

    /** Skips the next field, NULL or not. */
    public void skip() throws SQLException {
        require(4);
        int length = (int) INT.get(buffer, position);
        position += 4;
        if (length > 0) {
            require(length);
            position += length;
        }
    }

    private int length() throws SQLException {
        require(4);
        int length = (int) INT.get(buffer, position);
        position += 4;
        if (length < 0) {
            throw new SQLException("unexpected NULL in binary COPY row " + rows);
        }
        require(length);
        return length;
    }

    private void expect(int size) throws SQLException {
        int length = length();
        if (length != size) {
            throw new SQLException("expected a " + size + "-byte field in binary COPY row " + rows + ", got " + length);
        }
    }

    private void require(int bytes) throws SQLException {
        if (!available(bytes)) {
            throw new SQLException("binary COPY stream ended inside row " + rows);
        }
    }

    /** Makes {@code bytes} bytes readable at {@code position}, pulling further COPY messages as needed. */
    private boolean available(int bytes) throws SQLException {
        while (limit - position < bytes) {
            byte[] chunk = copy.readFromCopy();
            if (chunk == null) {
                return false;
            }
            int remaining = limit - position;
            if (remaining == 0) {
                buffer = chunk;
                position = 0;
                limit = chunk.length;
            } else {
                byte[] joined = new byte[remaining + chunk.length];
                System.arraycopy(buffer, position, joined, 0, remaining);
                System.arraycopy(chunk, 0, joined, remaining, chunk.length);
                buffer = joined;
                position = 0;
                limit = joined.length;
            }
        }
        return true;
    }

    /**
     * Reads what is left of the stream, so the connection can be used again. (A cancel request would be quicker,
     * but it travels outside the protocol and can arrive after the COPY ended, cancelling the connection's next
     * statement instead.)
     */
    @Override
    public void close() throws SQLException {
        while (copy.isActive() && copy.readFromCopy() != null) {
            // drain
        }
    }
}
