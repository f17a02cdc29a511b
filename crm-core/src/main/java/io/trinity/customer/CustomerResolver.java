package io.trinity.customer;

import io.trinity.database.SqlArrays;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Resolves many {@link CustomerRef}s with at most four queries, so a 10,000-item batch does not cost 10,000
 * lookups. A ref that matches nobody, or an e-mail shared by several people, is left out of the answer. A ref naming
 * a merged customer (by id, external id, e-mail or loyalty number) resolves to the customer it was merged into,
 * following chains (A into B, B into C: A is C), so ingest that names the merged customer lands on the survivor.
 */
@Component
public class CustomerResolver {

    private final JdbcTemplate jdbc;

    CustomerResolver(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The refs that identify exactly one customer, mapped to that customer's id. */
    public Map<CustomerRef, Long> resolve(Collection<CustomerRef> refs) {
        Map<CustomerRef, Long> found = new HashMap<>();
        Object[] ids = refs.stream().map(CustomerRef::id).filter(Objects::nonNull).distinct().toArray();
        Object[] externalIds = refs.stream().map(CustomerRef::externalId).filter(Objects::nonNull).distinct()
                .toArray();
        Object[] emails = refs.stream().map(CustomerRef::email).filter(Objects::nonNull).distinct().toArray();
        if (ids.length > 0) {
            query("select id, id::text from customer where id = any(?)", ids, true)
                    .forEach(pair -> found.put(CustomerRef.byId(pair.id()), pair.id()));
        }
        if (externalIds.length > 0) {
            query("select id, external_id from customer where external_id = any(?)", externalIds, false)
                    .forEach(pair -> found.put(CustomerRef.byExternalId(pair.key()), pair.id()));
        }
        if (emails.length > 0) {
            Map<String, List<Long>> byEmail = new HashMap<>();
            query("select id, lower(email) from customer where lower(email) = any(?) and status <> 'ANONYMISED'",
                    emails, false).forEach(pair -> byEmail.computeIfAbsent(pair.key(), k -> new ArrayList<>())
                            .add(pair.id()));
            Map<Long, Long> survivors = survivors(byEmail.values().stream().flatMap(List::stream).toList());
            byEmail.forEach((email, owners) -> {
                List<Long> people = owners.stream().map(id -> survivors.getOrDefault(id, id)).distinct().toList();
                if (people.size() == 1) {
                    found.put(CustomerRef.byEmail(email), people.get(0));
                }
            });
        }
        Map<Long, Long> survivors = survivors(found.values());
        found.replaceAll((ref, id) -> survivors.getOrDefault(id, id));
        return found;
    }

    /** The one customer (after merges) with this loyalty number, if any. */
    public Optional<Long> byLoyaltyNumber(String loyaltyNumber) {
        List<Long> ids = jdbc.queryForList(
                "select id from customer where loyalty_number = ? and status <> 'ANONYMISED'", Long.class,
                loyaltyNumber.strip());
        return ids.isEmpty() ? Optional.empty() : Optional.of(survivors(ids).getOrDefault(ids.get(0), ids.get(0)));
    }

    /** The customers (after merges) with this e-mail address, compared case-insensitively. */
    public List<Long> byEmail(String email) {
        List<Long> ids = jdbc.queryForList(
                "select id from customer where lower(email) = ? and status <> 'ANONYMISED'", Long.class,
                email.strip().toLowerCase(Locale.ROOT));
        Map<Long, Long> survivors = survivors(ids);
        return ids.stream().map(id -> survivors.getOrDefault(id, id)).distinct().sorted().toList();
    }

    /** The customer this one is now: itself, or (following chains of merges) the one it was merged into. */
    public long current(long customerId) {
        return survivors(List.of(customerId)).getOrDefault(customerId, customerId);
    }

    /**
     * For each of these customers that was merged, the customer it ended up in (following chains); customers
     * that were not merged are not in the answer.
     */
    public Map<Long, Long> survivors(Collection<Long> customerIds) {
        Map<Long, Long> result = new HashMap<>();
        if (customerIds.isEmpty()) {
            return result;
        }
        jdbc.query(connection -> {
            var ps = connection.prepareStatement("""
                    with recursive chain (start, id, merged_into, depth) as (
                        select id, id, merged_into, 0 from customer where id = any(?) and merged_into is not null
                        union all
                        select chain.start, c.id, c.merged_into, chain.depth + 1
                        from chain join customer c on c.id = chain.merged_into
                        where chain.depth < 100)
                    select start, id from chain where merged_into is null""");
            ps.setArray(1, SqlArrays.bigint(connection, customerIds.stream().distinct().toArray()));
            return ps;
        }, rs -> {
            result.put(rs.getLong(1), rs.getLong(2));
        });
        return result;
    }

    /** Whether an e-mail ref failed because several customers share that address (for a clearer message). */
    public boolean isAmbiguousEmail(String email) {
        return byEmail(email).size() > 1;
    }

    private record Pair(long id, String key) {
    }

    private List<Pair> query(String sql, Object[] values, boolean numeric) {
        return jdbc.query(connection -> {
            var ps = connection.prepareStatement(sql);
            ps.setArray(1, numeric ? SqlArrays.bigint(connection, values) : SqlArrays.text(connection, values));
            return ps;
        }, (rs, n) -> new Pair(rs.getLong(1), rs.getString(2)));
    }
}
