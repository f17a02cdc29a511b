package io.trinity.timeline;

import io.trinity.shared.Cursor;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.Page;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The single customer view's merged timeline: orders, social activity and check-ins, service cases, points and
 * campaign contacts, newest first, keyset-paged over all of them at once. Each source is read by its own
 * customer-and-time index and only {@code limit + 1} rows of each are merged.
 */
@Service
public class Timeline {

    /** Kinds are numbered so that (time, kind, id) orders entries totally and fits one cursor. */
    private static final int KINDS = 8;

    private final JdbcClient jdbc;

    Timeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a timeline can be narrowed to, each one of its sources. */
    public static final java.util.List<String> SOURCES = java.util.List.of("orders", "social", "cases", "points",
            "campaigns");

    public Page<TimelineEntry> of(long customerId, int limit, @Nullable String after) {
        return of(customerId, limit, after, null);
    }

    /** The customer's history newest first, from every source or only {@code source} (one of {@link #SOURCES}). */
    public Page<TimelineEntry> of(long customerId, int limit, @Nullable String after, @Nullable String source) {
        if (limit < 1 || limit > 200) {
            throw new InvalidInputException("limit", "must be between 1 and 200");
        }
        int only = source == null || source.isBlank() ? -1 : SOURCES.indexOf(source);
        if (source != null && !source.isBlank() && only < 0) {
            throw new InvalidInputException("source", "must be one of " + String.join(", ", SOURCES));
        }
        Cursor.TimeKey key = after == null || after.isBlank()
                ? new Cursor.TimeKey(Instant.parse("9999-12-31T00:00:00Z"), Long.MAX_VALUE)
                : Cursor.decodeTimeKey(after);
        String sql = """
                select * from (
                  (select 0 as k, o.id, o.ordered_at as at,
                          case when o.amount_minor < 0 then 'refund' else 'order' end as kind,
                          o.external_id as title,
                          o.currency || ' ' || case when o.currency in ('JPY', 'KRW', 'ISK', 'CLP', 'VND')
                              then to_char(o.amount_minor, 'FM9999999990')
                              else to_char(o.amount_minor / 100.0, 'FM999999990.00') end || ' · ' || o.channel
                              || coalesce(' · ' || o.store_id, '') as detail,
                          null as text, null as network
                   from order_facts o where o.customer_id = :c and (:only < 0 or :only = 0) and (o.ordered_at, o.id * 8 + 0) < (:t, :k)
                   order by o.ordered_at desc, o.id desc limit :n)
                  union all
                  (select 1, a.id, a.occurred_at, lower(a.type), a.type || ' on ' || a.network,
                          coalesce('at ' || a.target_store_id, case when a.target_customer_id is not null
                                   then 'with ' || coalesce(nullif(trim(concat_ws(' ', tc.first_name, tc.last_name)), ''),
                                                            'customer ' || a.target_customer_id) end), a.text, a.network
                   from activity_facts a left join customer_directory tc on tc.id = a.target_customer_id where a.actor_customer_id = :c and (:only < 0 or :only = 1) and (a.occurred_at, a.id * 8 + 1) < (:t, :k)
                   order by a.occurred_at desc, a.id desc limit :n)
                  union all
                  (select 2, s.id, s.created_at, 'case', s.subject,
                          lower(s.status) || ' · ' || lower(s.priority) || coalesce(' · ' || s.assignee, ''), null, null
                   from case_facts s where s.customer_id = :c and (:only < 0 or :only = 2) and (s.created_at, s.id * 8 + 2) < (:t, :k)
                   order by s.created_at desc, s.id desc limit :n)
                  union all
                  (select 3, l.id, l.occurred_at, 'points',
                          case when l.points > 0 then '+' else '' end || l.points || ' points (' || lower(l.kind) || ')',
                          coalesce(l.rule_name, l.reason), null, null
                   from loyalty_points l
                   where l.customer_id = :c and (:only < 0 or :only = 3) and (l.occurred_at, l.id * 8 + 3) < (:t, :k)
                   order by l.occurred_at desc, l.id desc limit :n)
                  union all
                  (select 4, cc.campaign_id, cc.contacted_at, 'campaign', cc.campaign_name,
                          case when cc.holdout then 'in the holdout group (not contacted)'
                               else 'contacted by ' || lower(cc.channel) end, null, null
                   from campaign_touches cc
                   where cc.customer_id = :c and (:only < 0 or :only = 4) and (cc.contacted_at, cc.campaign_id * 8 + 4) < (:t, :k)
                   order by cc.contacted_at desc, cc.campaign_id desc limit :n)
                ) e order by e.at desc, e.id * 8 + e.k desc limit :n""";
        List<TimelineEntry> rows = jdbc.sql(sql).param("c", customerId).param("t", Timestamp.from(key.time()))
                .param("k", key.id()).param("n", limit + 1).param("only", only)
                .query((rs, n) -> new TimelineEntry(rs.getString("kind"), rs.getLong("id") * KINDS + rs.getInt("k"),
                        rs.getTimestamp("at").toInstant(), rs.getString("title"), rs.getString("detail"),
                        rs.getString("text"), rs.getString("network")))
                .list();
        if (rows.size() > limit) {
            TimelineEntry last = rows.get(limit - 1);
            return new Page<>(List.copyOf(rows.subList(0, limit)), Cursor.encode(last.at(), last.id()));
        }
        return new Page<>(rows, null);
    }
}
