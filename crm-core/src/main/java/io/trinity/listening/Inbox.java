package io.trinity.listening;

import io.trinity.shared.Cursor;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.NotFoundException;
import io.trinity.shared.Page;
import io.trinity.shared.TextRules;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The listening inbox over mentions, comments and reviews, newest first, keyset-paged on the conversation index;
 * PR marks items handled and assigns them to a colleague.
 */
@Service
public class Inbox {

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = """
            select a.id, a.network, a.type, a.occurred_at, a.text, a.sentiment, a.actor_customer_id,
                   trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')) as customer_name,
                   a.actor_identity_id, i.handle,
                   coalesce(i.follower_count, (select max(s.follower_count) from identity_directory s
                                               where s.customer_id = a.actor_customer_id)) as reach,
                   st.handled_at, st.handled_by, st.assignee,
                   (select count(*) from case_facts sc where sc.activity_id = a.id and sc.status <> 'RESOLVED')
                       as open_cases
            from activity_facts a
            left join identity_directory i on i.id = a.actor_identity_id
            left join customer_directory c on c.id = a.actor_customer_id
            left join conversation_state st on st.activity_id = a.id
            """;

    public Page<InboxItem> list(InboxFilter f, int limit, @Nullable String after) {
        if (limit < 1 || limit > 200) {
            throw new InvalidInputException("limit", "must be between 1 and 200");
        }
        Cursor.TimeKey key = after == null || after.isBlank()
                ? new Cursor.TimeKey(Instant.parse("9999-12-31T00:00:00Z"), Long.MAX_VALUE)
                : Cursor.decodeTimeKey(after);
        StringBuilder where = new StringBuilder(" where a.type in ('MENTION', 'COMMENT', 'REVIEW')"
                + " and (a.occurred_at, a.id) < (:time, :id)");
        if (f.network() != null) {
            where.append(" and a.network = :network");
        }
        if (f.sentiment() != null) {
            where.append(" and a.sentiment = :sentiment");
        }
        if (f.handled() != null) {
            where.append(f.handled() ? " and st.handled_at is not null" : " and st.handled_at is null");
        }
        if (f.assignee() != null) {
            where.append(" and st.assignee = :assignee");
        }
        String sql = "select * from (" + SELECT + where + " order by a.occurred_at desc, a.id desc) x"
                + (f.minReach() != null ? " where coalesce(x.reach, 0) >= :reach" : "") + " limit :limit";
        var spec = jdbc.sql(sql).param("time", Timestamp.from(key.time())).param("id", key.id())
                .param("limit", limit + 1);
        if (f.network() != null) {
            spec = spec.param("network", f.network());
        }
        if (f.sentiment() != null) {
            spec = spec.param("sentiment", f.sentiment());
        }
        if (f.assignee() != null) {
            spec = spec.param("assignee", f.assignee());
        }
        if (f.minReach() != null) {
            spec = spec.param("reach", f.minReach());
        }
        List<InboxItem> rows = spec.query(Inbox::row).list();
        if (rows.size() > limit) {
            InboxItem last = rows.get(limit - 1);
            return new Page<>(List.copyOf(rows.subList(0, limit)), Cursor.encode(last.occurredAt(), last.activityId()));
        }
        return new Page<>(rows, null);
    }

    public InboxItem get(long activityId) {
        return jdbc.sql(SELECT + " where a.id = ? and a.type in ('MENTION', 'COMMENT', 'REVIEW')").param(activityId)
                .query(Inbox::row).optional()
                .orElseThrow(() -> new NotFoundException("no mention, comment or review " + activityId));
    }

    @Transactional
    public InboxItem markHandled(long activityId, boolean handled, String actor) {
        get(activityId);
        jdbc.sql("""
                        insert into conversation_state (activity_id, handled_at, handled_by) values (?, ?, ?)
                        on conflict (activity_id) do update set handled_at = excluded.handled_at,
                            handled_by = excluded.handled_by, updated_at = now()""")
                .params(activityId, handled ? Timestamp.from(Instant.now()) : null, handled ? actor : null).update();
        return get(activityId);
    }

    @Transactional
    public InboxItem assign(long activityId, @Nullable String assignee) {
        get(activityId);
        String who = assignee == null || assignee.isBlank() ? null : assignee.strip();
        if (who != null && (who.length() > 60 || !TextRules.isStorable(who, false))) {
            throw new InvalidInputException("assignee", "must be at most 60 characters");
        }
        if (who != null && jdbc.sql("select count(*) from staff_roles where username = ?").param(who)
                .query(Long.class).single() == 0) {
            throw new InvalidInputException("assignee", "no colleague with username '" + who + "'");
        }
        if (who != null && !colleagues().contains(who)) {
            throw new InvalidInputException("assignee", who + " cannot work the PR inbox (PR or admin role needed)");
        }
        jdbc.sql("""
                        insert into conversation_state (activity_id, assignee) values (?, ?)
                        on conflict (activity_id) do update set assignee = excluded.assignee, updated_at = now()""")
                .params(activityId, who).update();
        return get(activityId);
    }

    /**
     * Staff a conversation can be assigned to: enabled accounts that can open the inbox (PR and admins), so nobody
     * is handed work they cannot see.
     */
    public List<String> colleagues() {
        return jdbc.sql("""
                select distinct username from staff_roles where enabled and role in ('PR', 'ADMIN')
                order by username""").query(String.class).list();
    }

    /** Marks several conversations at once; all or none (an unknown id refuses the whole batch). */
    @Transactional
    public int markHandled(List<Long> activityIds, boolean handled, String actor) {
        requireAll(activityIds);
        activityIds.forEach(id -> markHandled(id, handled, actor));
        return activityIds.size();
    }

    /** Assigns several conversations at once; all or none. */
    @Transactional
    public int assign(List<Long> activityIds, @Nullable String assignee) {
        requireAll(activityIds);
        activityIds.forEach(id -> assign(id, assignee));
        return activityIds.size();
    }

    private void requireAll(List<Long> activityIds) {
        if (activityIds.isEmpty()) {
            throw new InvalidInputException("ids", "choose at least one conversation");
        }
        if (activityIds.size() > 500) {
            throw new InvalidInputException("ids", "at most 500 conversations at once");
        }
        activityIds.forEach(this::get);
    }

    static InboxItem row(ResultSet rs, int n) throws SQLException {
        long customer = rs.getLong("actor_customer_id");
        Long customerId = rs.wasNull() ? null : customer;
        long identity = rs.getLong("actor_identity_id");
        Long identityId = rs.wasNull() ? null : identity;
        long reach = rs.getLong("reach");
        Long reachValue = rs.wasNull() ? null : reach;
        Timestamp handled = rs.getTimestamp("handled_at");
        String name = rs.getString("customer_name");
        return new InboxItem(rs.getLong("id"), rs.getString("network"), rs.getString("type"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("text"), rs.getString("sentiment"),
                customerId, name == null || name.isBlank() ? null : name, identityId, rs.getString("handle"),
                reachValue, handled == null ? null : handled.toInstant(), rs.getString("handled_by"),
                rs.getString("assignee"), rs.getLong("open_cases"));
    }
}
