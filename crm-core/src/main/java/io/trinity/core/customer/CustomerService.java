package io.trinity.core.customer;

import io.trinity.core.shared.ConflictException;
import io.trinity.core.shared.Cursor;
import io.trinity.core.shared.FieldError;
import io.trinity.core.shared.IngestWindow;
import io.trinity.core.shared.InvalidInputException;
import io.trinity.core.shared.NotFoundException;
import io.trinity.core.shared.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, editing, finding and listing customers one at a time (bulk paths live in {@link CustomerBulkUpsert}). */
@Service
public class CustomerService {

    public static final int MAX_PAGE = 500;

    private final CustomerRepository repository;
    private final CustomerChanges changes;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final IngestWindow times;
    private final org.springframework.context.ApplicationEventPublisher events;

    CustomerService(CustomerRepository repository, CustomerChanges changes, JdbcClient jdbc, Clock clock,
            org.springframework.context.ApplicationEventPublisher events, IngestWindow times) {
        this.times = times;
        this.repository = repository;
        this.changes = changes;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public CustomerDetails create(CustomerDraft draft) {
        CustomerData data = validate(draft);
        repository.findByExternalId(data.externalId()).ifPresent(c -> {
            throw new ConflictException("externalId", "a customer with externalId '" + data.externalId()
                    + "' already exists");
        });
        checkLoyaltyNumberFree(data, null);
        Customer saved = repository.saveAndFlush(Customer.from(data, clock.instant()));
        changes.mark(List.of(saved.id()));
        events.publishEvent(new CustomersStored(List.of(saved.id())));
        return saved.details();
    }

    @Transactional
    public CustomerDetails update(long id, CustomerDraft draft) {
        Customer customer = repository.findById(id).orElseThrow(() -> notFound(id));
        CustomerData data = validate(draft);
        repository.findByExternalId(data.externalId()).filter(other -> !other.id().equals(customer.id()))
                .ifPresent(c -> {
                    throw new ConflictException("externalId", "externalId '" + data.externalId()
                            + "' belongs to another customer");
                });
        checkLoyaltyNumberFree(data, id);
        boolean changed = customer.apply(data, clock.instant());
        CustomerDetails details = repository.saveAndFlush(customer).details();
        if (changed) {
            changes.mark(List.of(id));
            events.publishEvent(new CustomersStored(List.of(id)));
        }
        return details;
    }

    @Transactional(readOnly = true)
    public CustomerDetails get(long id) {
        return repository.findById(id).map(Customer::details).orElseThrow(() -> notFound(id));
    }

    /** Keyset page ordered by id; costs one index range scan whatever the page number. */
    @Transactional(readOnly = true)
    public Page<CustomerDetails> list(CustomerFilter filter, int limit, @Nullable String after) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_PAGE);
        }
        long afterId = after == null || after.isBlank() ? 0 : Cursor.decode(after);
        StringBuilder sql = new StringBuilder("select * from customer where id > :after");
        JdbcClient.StatementSpec spec;
        List<Object[]> params = new ArrayList<>();
        if (filter.externalId() != null && !filter.externalId().isBlank()) {
            sql.append(" and external_id = :externalId");
            params.add(new Object[] {"externalId", filter.externalId().strip()});
        }
        if (filter.email() != null && !filter.email().isBlank()) {
            sql.append(" and lower(email) = :email");
            params.add(new Object[] {"email", filter.email().strip().toLowerCase(Locale.ROOT)});
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            String q = filter.q().strip().toLowerCase(Locale.ROOT);
            if (q.length() > 100) {
                throw new InvalidInputException("q", "is longer than 100 characters");
            }
            sql.append(" and (lower(last_name) like :prefix escape '\\' or lower(first_name) like :prefix escape '\\'"
                    + " or lower(email) like :prefix escape '\\' or external_id = :exact or loyalty_number = :exact"
                    + " or lower(first_name || ' ' || last_name) like :prefix escape '\\')");
            params.add(new Object[] {"prefix", escapeLike(q) + "%"});
            params.add(new Object[] {"exact", filter.q().strip()});
        }
        sql.append(" order by id limit :limit");
        spec = jdbc.sql(sql.toString()).param("after", afterId).param("limit", limit + 1);
        for (Object[] p : params) {
            spec = spec.param((String) p[0], p[1]);
        }
        List<CustomerDetails> rows = spec.query(CustomerService::row).list();
        if (rows.size() > limit) {
            List<CustomerDetails> page = rows.subList(0, limit);
            return new Page<>(List.copyOf(page), Cursor.encode(page.get(limit - 1).id()));
        }
        return new Page<>(rows, null);
    }

    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static CustomerDetails row(ResultSet rs, int n) throws SQLException {
        Timestamp consent = rs.getTimestamp("consent_changed_at");
        return new CustomerDetails(rs.getLong("id"), rs.getString("external_id"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("email"), rs.getString("phone"),
                rs.getString("loyalty_number"), rs.getString("locale"), rs.getString("city"),
                rs.getString("country"), rs.getBoolean("marketing_consent"),
                consent == null ? null : consent.toInstant(), CustomerStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getObject("birth_date", java.time.LocalDate.class));
    }

    private void checkLoyaltyNumberFree(CustomerData data, @Nullable Long self) {
        if (data.loyaltyNumber() == null) {
            return;
        }
        repository.findByLoyaltyNumber(data.loyaltyNumber())
                .filter(other -> !other.id().equals(self))
                .ifPresent(other -> {
                    throw new ConflictException("loyaltyNumber", "loyalty number '" + data.loyaltyNumber()
                            + "' belongs to another customer");
                });
    }

    private CustomerData validate(CustomerDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        CustomerData data = CustomerValidator.clean(draft, times.now(), errors);
        if (data == null) {
            throw new InvalidInputException(errors);
        }
        return data;
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("no customer with id " + id);
    }

    /** Used by views that only need to know a customer exists. */
    public boolean exists(long id) {
        return repository.existsById(id);
    }
}
