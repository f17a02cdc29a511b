package io.trinity.customer;

import io.trinity.database.SqlArrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Resolves many {@link CustomerRef}s with at most three queries, so a 10,000-item batch does not cost 10,000
 * lookups. A ref that matches nobody, or an e-mail shared by several customers, is left out of the answer.
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
            Map<String, Long> byEmail = new HashMap<>();
            Map<String, Integer> counts = new HashMap<>();
            query("select id, lower(email) from customer where lower(email) = any(?) and status = 'ACTIVE'", emails,
                    false).forEach(pair -> {
                        byEmail.put(pair.key(), pair.id());
                        counts.merge(pair.key(), 1, Integer::sum);
                    });
            byEmail.forEach((email, id) -> {
                if (counts.get(email) == 1) {
                    found.put(CustomerRef.byEmail(email), id);
                }
            });
        }
        return found;
    }

    /** Whether an e-mail ref failed because several customers share that address (for a clearer message). */
    public boolean isAmbiguousEmail(String email) {
        Integer n = jdbc.queryForObject("select count(*) from customer where lower(email) = ? and status = 'ACTIVE'",
                Integer.class, email);
        return n != null && n > 1;
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
