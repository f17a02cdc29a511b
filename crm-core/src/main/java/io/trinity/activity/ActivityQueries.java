package io.trinity.activity;

import io.trinity.shared.Cursor;
import io.trinity.shared.Page;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads what a customer did, newest first, keyset-paged on (occurred_at, id). */
@Component
public class ActivityQueries {

    private final JdbcClient jdbc;

    ActivityQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<ActivityView> byCustomer(long customerId, int limit, @Nullable String after) {
        return page("a.actor_customer_id = :customer", "customer", customerId, limit, after);
    }

    private Page<ActivityView> page(String condition, String name, Object value, int limit, @Nullable String after) {
        Cursor.TimeKey key = after == null || after.isBlank()
                ? new Cursor.TimeKey(Instant.parse("9999-12-31T00:00:00Z"), Long.MAX_VALUE)
                : Cursor.decodeTimeKey(after);
        List<ActivityView> rows = jdbc.sql("""
                        select a.*, i.handle as actor_handle from activity a
                        left join identity_directory i on i.id = a.actor_identity_id
                        where %s and (a.occurred_at, a.id) < (:time, :id)
                        order by a.occurred_at desc, a.id desc limit :limit""".formatted(condition))
                .param(name, value)
                .param("time", java.sql.Timestamp.from(key.time()))
                .param("id", key.id())
                .param("limit", limit + 1)
                .query((rs, n) -> {
                    long actorCustomer = rs.getLong("actor_customer_id");
                    Long actorCustomerId = rs.wasNull() ? null : actorCustomer;
                    long actorIdentity = rs.getLong("actor_identity_id");
                    Long actorIdentityId = rs.wasNull() ? null : actorIdentity;
                    long targetCustomer = rs.getLong("target_customer_id");
                    Long targetCustomerId = rs.wasNull() ? null : targetCustomer;
                    String sentiment = rs.getString("sentiment");
                    return new ActivityView(rs.getLong("id"), rs.getString("network"), rs.getString("external_id"),
                            ActivityType.valueOf(rs.getString("type")), actorCustomerId, actorIdentityId,
                            rs.getString("actor_handle"), targetCustomerId, rs.getString("target_post_id"),
                            rs.getString("target_store_id"), rs.getTimestamp("occurred_at").toInstant(),
                            rs.getString("text"), rs.getString("metrics"),
                            sentiment == null ? null : Sentiment.valueOf(sentiment));
                })
                .list();
        if (rows.size() > limit) {
            ActivityView last = rows.get(limit - 1);
            return new Page<>(List.copyOf(rows.subList(0, limit)), Cursor.encode(last.occurredAt(), last.id()));
        }
        return new Page<>(rows, null);
    }
}
