package io.trinity.staff;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per key in PostgreSQL (so every application instance sees the same counts) and applies a
 * {@link ThrottlePolicy}. Keys are {@code account:<username>} and {@code address:<client ip>}.
 */
@Service
public class SignInThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public static String accountKey(String username) {
        String s = username.strip().toLowerCase(java.util.Locale.ROOT);
        return "account:" + (s.length() > 100 ? s.substring(0, 100) : s);
    }

    public static String addressKey(String address) {
        return "address:" + address;
    }

    /** One indexed read outside any transaction: every HTTP Basic call asks it. */
    public ThrottlePolicy.@Nullable State state(String key) {
        return jdbc.sql("select failures, last_failure_at, locked_until from sign_in_throttle where key = ?")
                .param(key)
                .query((rs, n) -> new ThrottlePolicy.State(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .optional().orElse(null);
    }

    /** True when the key may try now. */
    public boolean allows(String key, ThrottlePolicy policy) {
        return policy.allows(state(key), clock.instant());
    }

    /** Records a failure; returns the new state. Row-locked, so concurrent failures all count. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public ThrottlePolicy.State failed(String key, ThrottlePolicy policy) {
        Instant now = clock.instant();
        jdbc.sql("insert into sign_in_throttle (key, failures, last_failure_at) values (?, 0, ?)"
                + " on conflict (key) do nothing").params(key, Timestamp.from(now)).update();
        ThrottlePolicy.State current = jdbc.sql(
                        "select failures, last_failure_at, locked_until from sign_in_throttle where key = ? for update")
                .param(key)
                .query((rs, n) -> new ThrottlePolicy.State(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .single();
        ThrottlePolicy.State next = policy.afterFailure(current.failures() == 0 ? null : current, now);
        jdbc.sql("update sign_in_throttle set failures = ?, last_failure_at = ?, locked_until = ? where key = ?")
                .params(next.failures(), Timestamp.from(next.lastFailureAt()),
                        next.lockedUntil() == null ? null : Timestamp.from(next.lockedUntil()), key)
                .update();
        return next;
    }

    /** A successful sign-in clears the key's failures. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String key) {
        jdbc.sql("delete from sign_in_throttle where key = ?").param(key).update();
    }

    /** Forgets failures older than {@code age} that hold no lock, so the table does not grow without end. */
    @Transactional
    public int forgetOlderThan(Duration age) {
        return jdbc.sql("""
                        delete from sign_in_throttle where last_failure_at < ?
                          and (locked_until is null or locked_until < now())""")
                .param(Timestamp.from(clock.instant().minus(age))).update();
    }
}
