package io.trinity.cases;

import io.trinity.customer.CustomerService;
import io.trinity.shared.Cursor;
import io.trinity.shared.FieldError;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.NotFoundException;
import io.trinity.shared.Page;
import io.trinity.shared.TextRules;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens and works service cases. A case opened from a mention takes the mention's author as its customer when the
 * author is a known customer; otherwise it can stay without one until PR links the author.
 */
@Service
public class ServiceCases {

    static final Set<String> STATUSES = Set.of("OPEN", "PENDING", "RESOLVED");
    static final Set<String> PRIORITIES = Set.of("LOW", "NORMAL", "HIGH");

    private static final String SELECT = """
            select c.*, trim(coalesce(cu.first_name, '') || ' ' || coalesce(cu.last_name, '')) as customer_name,
                   a.text as activity_text
            from service_case c left join customer_directory cu on cu.id = c.customer_id
            left join activity_facts a on a.id = c.activity_id
            """;

    private final JdbcClient jdbc;
    private final CustomerService customers;

    ServiceCases(JdbcClient jdbc, CustomerService customers) {
        this.customers = customers;
        this.jdbc = jdbc;
    }

    @Transactional
    public ServiceCase open(@Nullable Long customerId, @Nullable Long activityId, @Nullable String subject,
            @Nullable String priority, @Nullable String assignee, @Nullable String note, String actor) {
        List<FieldError> errors = new ArrayList<>();
        String cleanSubject = text(subject, "subject", 200, true, errors);
        String cleanPriority = priority == null || priority.isBlank() ? "NORMAL" : priority.strip().toUpperCase(Locale.ROOT);
        if (!PRIORITIES.contains(cleanPriority)) {
            errors.add(new FieldError("priority", "must be LOW, NORMAL or HIGH"));
        }
        String cleanAssignee = text(assignee, "assignee", 60, false, errors);
        checkAssignee(cleanAssignee, errors);
        String cleanNote = text(note, "note", 4000, false, errors);
        Long customer = customerId;
        if (activityId != null) {
            Long author = jdbc.sql("select actor_customer_id from activity_facts where id = ?").param(activityId)
                    .query((rs, n) -> {
                        long v = rs.getLong(1);
                        return rs.wasNull() ? -1L : v;
                    }).optional().orElse(null);
            if (author == null) {
                errors.add(new FieldError("activityId", "no activity " + activityId));
            } else if (customer == null && author > 0) {
                customer = author;
            }
        }
        if (customer != null && !customers.exists(customer)) {
            errors.add(new FieldError("customerId", "no customer with id " + customer));
        }
        if (customer == null && activityId == null) {
            errors.add(new FieldError("customerId", "a case needs a customer or the mention it is about"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long id = jdbc.sql("""
                        insert into service_case (customer_id, activity_id, subject, priority, assignee, created_by)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(customer, activityId, cleanSubject, cleanPriority, cleanAssignee, actor).query(Long.class)
                .single();
        if (cleanNote != null) {
            jdbc.sql("insert into service_case_note (case_id, author, text) values (?, ?, ?)")
                    .params(id, actor, cleanNote).update();
        }
        return get(id);
    }

    public ServiceCase get(long id) {
        ServiceCase c = jdbc.sql(SELECT + " where c.id = ?").param(id).query(this::row).optional()
                .orElseThrow(() -> new NotFoundException("no service case " + id));
        List<ServiceCase.Note> notes = jdbc.sql("select id, author, text, created_at from service_case_note"
                        + " where case_id = ? order by id").param(id)
                .query((rs, n) -> new ServiceCase.Note(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).list();
        return new ServiceCase(c.id(), c.customerId(), c.customerName(), c.activityId(), c.activityText(), c.subject(),
                c.status(), c.priority(), c.assignee(), c.createdBy(), c.createdAt(), c.updatedAt(), notes);
    }

    /** Cases by most recent change; {@code status} and {@code assignee} filter when set. Keyset-paged. */
    public Page<ServiceCase> list(@Nullable String status, @Nullable String assignee, int limit,
            @Nullable String after) {
        Cursor.TimeKey key = after == null || after.isBlank()
                ? new Cursor.TimeKey(java.time.Instant.parse("9999-12-31T00:00:00Z"), Long.MAX_VALUE)
                : Cursor.decodeTimeKey(after);
        String s = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (s != null && !STATUSES.contains(s)) {
            throw new InvalidInputException("status", "must be OPEN, PENDING or RESOLVED");
        }
        List<ServiceCase> rows = jdbc.sql(SELECT + """
                         where (cast(:status as text) is null or c.status = :status)
                           and (cast(:assignee as text) is null or c.assignee = :assignee)
                           and (c.updated_at, c.id) < (:time, :id)
                         order by c.updated_at desc, c.id desc limit :limit""")
                .param("status", s).param("assignee", assignee == null || assignee.isBlank() ? null : assignee)
                .param("time", java.sql.Timestamp.from(key.time())).param("id", key.id()).param("limit", limit + 1)
                .query(this::row).list();
        if (rows.size() > limit) {
            ServiceCase last = rows.get(limit - 1);
            return new Page<>(List.copyOf(rows.subList(0, limit)), Cursor.encode(last.updatedAt(), last.id()));
        }
        return new Page<>(rows, null);
    }

    public List<ServiceCase> forCustomer(long customerId) {
        return jdbc.sql(SELECT + " where c.customer_id = ? order by c.created_at desc limit 20").param(customerId)
                .query(this::row).list();
    }

    public List<ServiceCase> forActivity(long activityId) {
        return jdbc.sql(SELECT + " where c.activity_id = ? order by c.id").param(activityId).query(this::row).list();
    }

    /** Changes status and/or assignee and adds a note; at least one of them must be given. */
    @Transactional
    public ServiceCase update(long id, @Nullable String status, @Nullable String assignee, @Nullable String note,
            String actor) {
        get(id);
        List<FieldError> errors = new ArrayList<>();
        String s = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (s != null && !STATUSES.contains(s)) {
            errors.add(new FieldError("status", "must be OPEN, PENDING or RESOLVED"));
        }
        String cleanAssignee = text(assignee, "assignee", 60, false, errors);
        checkAssignee(cleanAssignee, errors);
        String cleanNote = text(note, "note", 4000, false, errors);
        if (s == null && assignee == null && cleanNote == null && errors.isEmpty()) {
            errors.add(new FieldError("note", "change the status or the assignee, or write a note"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        jdbc.sql("""
                        update service_case set status = coalesce(?, status),
                               assignee = case when ? then ? else assignee end, updated_at = now()
                        where id = ?""")
                .params(s, assignee != null, cleanAssignee, id).update();
        if (cleanNote != null) {
            jdbc.sql("insert into service_case_note (case_id, author, text) values (?, ?, ?)")
                    .params(id, actor, cleanNote).update();
        }
        return get(id);
    }

    /**
     * Staff a case can be assigned to: enabled accounts that can open the service pages (service, PR, admin), so
     * nobody is handed work they cannot see.
     */
    public List<String> assignees() {
        return jdbc.sql("""
                select distinct username from staff_roles where enabled and role in ('SERVICE', 'PR', 'ADMIN')
                order by username""").query(String.class).list();
    }

    private void checkAssignee(@Nullable String assignee, List<FieldError> errors) {
        if (assignee != null && jdbc.sql("""
                        select count(*) from staff_roles where username = ? and enabled
                          and role in ('SERVICE', 'PR', 'ADMIN')""").param(assignee).query(Long.class).single() == 0) {
            errors.add(new FieldError("assignee", "'" + assignee
                    + "' is not a colleague who can work cases (service, PR or admin role)"));
        }
    }

    /**
     * Changes the status and/or the assignee of several cases at once, with the same note on each if one is given;
     * all or none (an unknown id or a bad value refuses the whole batch).
     */
    @Transactional
    public int updateAll(List<Long> ids, @Nullable String status, @Nullable String assignee, @Nullable String note,
            String actor) {
        if (ids.isEmpty()) {
            throw new InvalidInputException("ids", "choose at least one case");
        }
        if (ids.size() > 500) {
            throw new InvalidInputException("ids", "at most 500 cases at once");
        }
        ids.forEach(this::get);
        ids.forEach(id -> update(id, status, assignee, note, actor));
        return ids.size();
    }

    private static @Nullable String text(@Nullable String value, String field, int max, boolean required,
            List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        String v = value.strip();
        if (v.length() > max || !TextRules.isStorable(v, field.equals("note"))) {
            errors.add(new FieldError(field, "must be at most " + max + " characters without control characters"));
            return null;
        }
        return v;
    }

    private ServiceCase row(ResultSet rs, int n) throws SQLException {
        long customer = rs.getLong("customer_id");
        Long customerId = rs.wasNull() ? null : customer;
        long activity = rs.getLong("activity_id");
        Long activityId = rs.wasNull() ? null : activity;
        String name = rs.getString("customer_name");
        return new ServiceCase(rs.getLong("id"), customerId, name == null || name.isBlank() ? null : name,
                activityId, rs.getString("activity_text"), rs.getString("subject"), rs.getString("status"),
                rs.getString("priority"), rs.getString("assignee"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), List.of());
    }
}
