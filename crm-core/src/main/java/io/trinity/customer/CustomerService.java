package io.trinity.customer;

import io.trinity.shared.ConflictException;
import io.trinity.shared.Cursor;
import io.trinity.shared.FieldError;
import io.trinity.shared.IngestWindow;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.NotFoundException;
import io.trinity.shared.Page;
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

    private final JdbcClient jdbc;
    private final Clock clock;
    private final IngestWindow times;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final CustomerResolver resolver;

    CustomerService(JdbcClient jdbc, Clock clock,
            org.springframework.context.ApplicationEventPublisher events, IngestWindow times,
            CustomerResolver resolver, CustomerNotes notes) {
        this.notes = notes;
        this.resolver = resolver;
        this.times = times;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    private final CustomerNotes notes;

    private static final String WRITE_COLUMNS = """
            external_id = :externalId, first_name = :firstName, last_name = :lastName, email = :email,
            phone = :phone, loyalty_number = :loyaltyNumber, locale = :locale, city = :city, country = :country,
            birth_date = :birthDate, marketing_consent = :consent, consent_changed_at = :consentChangedAt,
            street = :street, postal_code = :postalCode, region = :region, updated_at = :updatedAt""";

    @Transactional
    public CustomerDetails create(CustomerDraft draft) {
        CustomerData data = validate(draft);
        idByExternalId(data.externalId()).ifPresent(c -> {
            throw new ConflictException("externalId", "a customer with externalId '" + data.externalId()
                    + "' already exists");
        });
        checkLoyaltyNumberFree(data, null);
        Customer saved = Customer.from(data, clock.instant());
        saved.id = bind(jdbc.sql("""
                        insert into customer (external_id, first_name, last_name, email, phone, loyalty_number, locale,
                                              city, country, birth_date, marketing_consent, consent_changed_at,
                                              created_at, updated_at, street, postal_code, region)
                        values (:externalId, :firstName, :lastName, :email, :phone, :loyaltyNumber, :locale, :city,
                                :country, :birthDate, :consent, :consentChangedAt, :createdAt, :updatedAt, :street,
                                :postalCode, :region)
                        returning id"""), saved).query(Long.class).single();
        events.publishEvent(CustomersChanged.of(List.of(saved.id)));
        events.publishEvent(new CustomersStored(List.of(saved.id)));
        return saved.details();
    }

    /**
     * Edits a customer. An edit that names a merged-away customer lands on the one it was merged into (the
     * survivor keeps its own external id).
     */
    @Transactional
    public CustomerDetails update(long requestedId, CustomerDraft requested) {
        long id = resolver.current(requestedId);
        CustomerDraft draft = requested;
        if (id != requestedId) {
            String own = jdbc.sql("select external_id from customer where id = ?").param(id).query(String.class)
                    .single();
            draft = requested.withExternalId(own);
        }
        Customer customer = jdbc.sql("select * from customer where id = ? for update").param(id)
                .query((rs, n) -> Customer.row(rs)).optional().orElseThrow(() -> notFound(id));
        CustomerData data = validate(draft);
        idByExternalId(data.externalId()).filter(other -> other != id)
                .ifPresent(c -> {
                    throw new ConflictException("externalId", "externalId '" + data.externalId()
                            + "' belongs to another customer");
                });
        checkLoyaltyNumberFree(data, id);
        boolean changed = customer.apply(data, clock.instant());
        if (changed) {
            bind(jdbc.sql("update customer set " + WRITE_COLUMNS + ", version = version + 1 where id = :id"),
                    customer).param("id", id).update();
        }
        CustomerDetails details = customer.details();
        if (changed) {
            events.publishEvent(CustomersChanged.of(List.of(id)));
            events.publishEvent(new CustomersStored(List.of(id)));
        }
        return details;
    }

    /**
     * A member of staff edits a customer in the console: the same as {@link #update}, and the audit records who
     * changed which fields (names only).
     */
    @Transactional
    public CustomerDetails edit(long requestedId, CustomerDraft draft, String actor) {
        CustomerDetails before = get(requestedId);
        CustomerDetails after = update(requestedId, draft);
        List<String> fields = new java.util.ArrayList<>();
        compare(fields, "firstName", before.firstName(), after.firstName());
        compare(fields, "lastName", before.lastName(), after.lastName());
        compare(fields, "email", before.email(), after.email());
        compare(fields, "phone", before.phone(), after.phone());
        compare(fields, "loyaltyNumber", before.loyaltyNumber(), after.loyaltyNumber());
        compare(fields, "locale", before.locale(), after.locale());
        compare(fields, "street", before.street(), after.street());
        compare(fields, "postalCode", before.postalCode(), after.postalCode());
        compare(fields, "city", before.city(), after.city());
        compare(fields, "region", before.region(), after.region());
        compare(fields, "country", before.country(), after.country());
        compare(fields, "birthDate", before.birthDate(), after.birthDate());
        compare(fields, "marketingConsent", before.marketingConsent(), after.marketingConsent());
        if (!fields.isEmpty()) {
            notes.audit(after.id(), actor, "EDITED", fields);
        }
        return after;
    }

    private static void compare(List<String> fields, String name, @Nullable Object before, @Nullable Object after) {
        if (!java.util.Objects.equals(before, after)) {
            fields.add(name);
        }
    }

    @Transactional(readOnly = true)
    public CustomerDetails get(long requestedId) {
        long id = resolver.current(requestedId);
        return jdbc.sql("select * from customer where id = ?").param(id).query(CustomerService::row).optional()
                .orElseThrow(() -> notFound(id));
    }

    private java.util.Optional<Long> idByExternalId(String externalId) {
        return jdbc.sql("select id from customer where external_id = ?").param(externalId).query(Long.class)
                .optional();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Customer c) {
        return spec.param("externalId", c.externalId).param("firstName", c.firstName).param("lastName", c.lastName)
                .param("email", c.email).param("phone", c.phone).param("loyaltyNumber", c.loyaltyNumber)
                .param("locale", c.locale).param("city", c.city).param("country", c.country)
                .param("birthDate", c.birthDate).param("consent", c.marketingConsent)
                .param("street", c.street).param("postalCode", c.postalCode).param("region", c.region)
                .param("consentChangedAt", c.consentChangedAt == null ? null : Timestamp.from(c.consentChangedAt))
                .param("createdAt", Timestamp.from(c.createdAt)).param("updatedAt", Timestamp.from(c.updatedAt));
    }

    /** Keyset page ordered by id; costs one index range scan whatever the page number. */
    @Transactional(readOnly = true)
    public Page<CustomerDetails> list(CustomerFilter filter, int limit, @Nullable String after) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_PAGE);
        }
        long afterId = after == null || after.isBlank() ? 0 : Cursor.decode(after);
        boolean exact = (filter.externalId() != null && !filter.externalId().isBlank())
                || (filter.email() != null && !filter.email().isBlank());
        if (exact) {
            return exactLookup(filter, limit, afterId);
        }
        // Merged-away records are the survivor now; lists show each person once.
        CustomerSearch.Sql search = filter.q() == null || filter.q().isBlank() ? null
                : CustomerSearch.sql(SearchTerms.of(filter.q()), "customer");
        StringBuilder sql = new StringBuilder("select * from customer where id > :after and (status <> 'MERGED'");
        if (search != null) {
            // An exact external id, loyalty number or e-mail of a merged-away record still finds the person.
            sql.append(" or ").append(search.rank()).append(" = ").append(CustomerSearch.EXACT);
        }
        sql.append(")");
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
        if (search != null) {
            sql.append(" and ").append(search.condition());
            search.params().forEach((name, value) -> params.add(new Object[] {name, value}));
        }
        sql.append(" order by id limit :limit");
        spec = jdbc.sql(sql.toString()).param("after", afterId).param("limit", limit + 1);
        for (Object[] p : params) {
            spec = spec.param((String) p[0], p[1]);
        }
        List<CustomerDetails> rows = survivorsOf(spec.query(CustomerService::row).list());
        if (rows.size() > limit) {
            List<CustomerDetails> page = rows.subList(0, limit);
            return new Page<>(List.copyOf(page), Cursor.encode(page.get(limit - 1).id()));
        }
        return new Page<>(rows, null);
    }

    /**
     * An exact lookup (external id, e-mail) also finds merged-away records and answers with the customers they were
     * merged into, each once.
     */
    private Page<CustomerDetails> exactLookup(CustomerFilter filter, int limit, long afterId) {
        List<Long> ids;
        if (filter.externalId() != null && !filter.externalId().isBlank()) {
            ids = jdbc.sql("select id from customer where external_id = ?").param(filter.externalId().strip())
                    .query(Long.class).list();
            if (filter.email() != null && !filter.email().isBlank()) {
                List<Long> byEmail = resolver.byEmail(filter.email());
                ids = ids.stream().map(resolver::current).filter(byEmail::contains).toList();
            }
        } else {
            ids = resolver.byEmail(filter.email());
        }
        java.util.Map<Long, Long> survivors = resolver.survivors(ids);
        List<Long> people = ids.stream().map(i -> survivors.getOrDefault(i, i)).distinct().sorted()
                .filter(i -> i > afterId).toList();
        List<CustomerDetails> rows = people.isEmpty() ? List.of() : jdbc.sql(
                "select * from customer where id = any(:ids) order by id limit :limit")
                .param("ids", people.toArray(Long[]::new)).param("limit", limit + 1).query(CustomerService::row)
                .list();
        if (rows.size() > limit) {
            List<CustomerDetails> page = rows.subList(0, limit);
            return new Page<>(List.copyOf(page), Cursor.encode(page.get(limit - 1).id()));
        }
        return new Page<>(rows, null);
    }

    /** Each merged-away record replaced by the customer it is now, each person once, in the original order. */
    private List<CustomerDetails> survivorsOf(List<CustomerDetails> rows) {
        if (rows.stream().noneMatch(r -> r.status() == CustomerStatus.MERGED)) {
            return rows;
        }
        java.util.Map<Long, Long> survivors = resolver.survivors(rows.stream().map(CustomerDetails::id).toList());
        java.util.LinkedHashMap<Long, CustomerDetails> out = new java.util.LinkedHashMap<>();
        for (CustomerDetails row : rows) {
            Long survivor = survivors.get(row.id());
            if (survivor == null) {
                out.putIfAbsent(row.id(), row);
            } else if (!out.containsKey(survivor)) {
                out.put(survivor, get(survivor));
            }
        }
        return List.copyOf(out.values());
    }

    static CustomerDetails row(ResultSet rs, int n) throws SQLException {
        Timestamp consent = rs.getTimestamp("consent_changed_at");
        return new CustomerDetails(rs.getLong("id"), rs.getString("external_id"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("email"), rs.getString("phone"),
                rs.getString("loyalty_number"), rs.getString("locale"), rs.getString("city"),
                rs.getString("country"), rs.getBoolean("marketing_consent"),
                consent == null ? null : consent.toInstant(), CustomerStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getObject("birth_date", java.time.LocalDate.class), rs.getString("street"),
                rs.getString("postal_code"), rs.getString("region"));
    }

    private void checkLoyaltyNumberFree(CustomerData data, @Nullable Long self) {
        if (data.loyaltyNumber() == null) {
            return;
        }
        jdbc.sql("select id from customer where loyalty_number = ?").param(data.loyaltyNumber()).query(Long.class)
                .optional()
                .filter(other -> !other.equals(self))
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
        return jdbc.sql("select exists (select 1 from customer where id = ?)").param(id).query(Boolean.class).single();
    }
}
