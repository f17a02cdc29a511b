package io.trinity.staff;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of sign-ins and account changes: who, what, when, from where. It never holds a password; a username
 * typed at a failed sign-in is kept only when it is shaped like a username (people type passwords into the wrong
 * field).
 */
@Service
public class StaffAudit {

    private static final Pattern USERNAME_SHAPE = Pattern.compile("^[A-Za-z0-9._@-]{1,50}$");

    /** What happened to an account. */
    public enum Event {
        SIGN_IN, SIGN_IN_FAILED, SIGN_IN_THROTTLED, SIGN_IN_PASSWORD_CHANGE_REQUIRED, PASSWORD_CHANGED,
        DEFAULT_PASSWORD_DISABLED, DEFAULT_PASSWORD_CHANGE_REQUIRED, ACCOUNT_CREATED, ACCOUNT_UPDATED,
        ACCOUNT_DEACTIVATED, ACCOUNT_REACTIVATED, PASSWORD_RESET
    }

    /** One line of the audit. */
    public record Entry(long id, Instant occurredAt, String event, @Nullable String username, @Nullable String actor,
            @Nullable String remoteAddress, @Nullable String detail) {
    }

    private final JdbcClient jdbc;

    StaffAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes in its own transaction, so a failed sign-in is recorded even though the sign-in itself fails. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(Event event, @Nullable String username, @Nullable String actor,
            @Nullable String remoteAddress, @Nullable String detail) {
        jdbc.sql("insert into staff_audit (event, username, actor, remote_address, detail) values (?, ?, ?, ?, ?)")
                .params(event.name(), safeUsername(username), actor, remoteAddress, detail).update();
    }

    @Transactional(readOnly = true)
    public List<Entry> recent(@Nullable String username, int limit) {
        return jdbc.sql("""
                        select * from staff_audit where (cast(? as text) is null or username = ?)
                        order by occurred_at desc, id desc limit ?""")
                .params(username, username, limit)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("event"), rs.getString("username"), rs.getString("actor"),
                        rs.getString("remote_address"), rs.getString("detail")))
                .list();
    }

    static @Nullable String safeUsername(@Nullable String typed) {
        if (typed == null) {
            return null;
        }
        String s = typed.strip();
        return USERNAME_SHAPE.matcher(s).matches() ? s.toLowerCase(java.util.Locale.ROOT) : "(not a username)";
    }
}
