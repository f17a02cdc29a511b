package io.trinity.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque keyset cursor: clients pass back what they got in {@code next} and never build one. It encodes the last
 * key seen, so paging costs an index seek whatever the page number.
 */
public final class Cursor {

    private static final String PREFIX = "k1:";

    private Cursor() {
    }

    public static String encode(long lastId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastId).getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor over (time, id) for newest-first lists such as a customer's orders or timeline. */
    public static String encode(java.time.Instant time, long lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("t1:" + time.getEpochSecond() + ":" + time.getNano() + ":" + lastId).getBytes(StandardCharsets.UTF_8));
    }

    /** The (time, id) pair of a cursor made by {@link #encode(java.time.Instant, long)}. */
    public record TimeKey(java.time.Instant time, long id) {
    }

    public static TimeKey decodeTimeKey(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(":");
            if (parts.length != 4 || !parts[0].equals("t1")) {
                throw new IllegalArgumentException();
            }
            return new TimeKey(java.time.Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2])),
                    Long.parseLong(parts[3]));
        } catch (RuntimeException e) {
            throw new InvalidInputException("after", "not a cursor this server issued");
        }
    }

    /** A cursor over (score, id) for ranked lists ordered by a score, highest first. */
    public static String encode(double score, long lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("s1:" + Double.doubleToLongBits(score) + ":" + lastId).getBytes(StandardCharsets.UTF_8));
    }

    /** The (score, id) pair of a cursor made by {@link #encode(double, long)}. */
    public record ScoreKey(double score, long id) {
    }

    public static ScoreKey decodeScoreKey(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(":");
            if (parts.length != 3 || !parts[0].equals("s1")) {
                throw new IllegalArgumentException();
            }
            return new ScoreKey(Double.longBitsToDouble(Long.parseLong(parts[1])), Long.parseLong(parts[2]));
        } catch (RuntimeException e) {
            throw new InvalidInputException("after", "not a cursor this server issued");
        }
    }

    public static long decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException();
            }
            return Long.parseLong(raw.substring(PREFIX.length()));
        } catch (RuntimeException e) {
            throw new InvalidInputException("after", "not a cursor this server issued");
        }
    }
}
