package io.trinity.customer;

import io.trinity.database.SqlArrays;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes many customers in one statement, keyed by external id. Re-sending the same facts touches no row
 * (a {@code WHERE ... IS DISTINCT FROM} guard), which is what makes imports idempotent.
 */
@Component
public class CustomerBulkUpsert {

    private static final String SQL = """
            insert into customer (external_id, first_name, last_name, email, phone, loyalty_number, locale, city,
                                  country, marketing_consent, consent_changed_at, created_at, updated_at, birth_date,
                                  street, postal_code, region)
            select t.external_id, t.first_name, t.last_name, t.email, t.phone, t.loyalty_number, t.locale, t.city,
                   t.country, t.consent, case when t.consent then now() end, coalesce(t.created_at::timestamptz, now()),
                   now(), t.birth_date::date, t.street, t.postal_code, t.region
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::boolean[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                 as t(external_id, first_name, last_name, email, phone, loyalty_number, locale, city, country, consent,
                      created_at, birth_date, street, postal_code, region)
            on conflict (external_id) do update set
                first_name = excluded.first_name, last_name = excluded.last_name, email = excluded.email,
                phone = excluded.phone, loyalty_number = excluded.loyalty_number, locale = excluded.locale,
                city = excluded.city, country = excluded.country, birth_date = excluded.birth_date,
                street = excluded.street, postal_code = excluded.postal_code, region = excluded.region,
                consent_changed_at = case when customer.marketing_consent <> excluded.marketing_consent
                                          then now() else customer.consent_changed_at end,
                marketing_consent = excluded.marketing_consent,
                updated_at = now(), version = customer.version + 1
            where (customer.first_name, customer.last_name, customer.email, customer.phone, customer.loyalty_number,
                   customer.locale, customer.city, customer.country, customer.marketing_consent, customer.birth_date,
                   customer.street, customer.postal_code, customer.region)
                  is distinct from
                  (excluded.first_name, excluded.last_name, excluded.email, excluded.phone, excluded.loyalty_number,
                   excluded.locale, excluded.city, excluded.country, excluded.marketing_consent, excluded.birth_date,
                   excluded.street, excluded.postal_code, excluded.region)
            returning external_id, id, (xmax = 0) as inserted
            """;

    private final JdbcTemplate jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;

    CustomerBulkUpsert(JdbcTemplate jdbc, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The result of one upsert: what happened to each external id, and the id every external id now has. */
    public record Result(Map<String, UpsertOutcome> outcomes, Map<String, Long> ids) {
    }

    /** Upserts customers whose external ids are distinct; call inside a transaction. */
    public Result upsert(List<CustomerData> customers) {
        Map<String, UpsertOutcome> outcomes = new HashMap<>();
        if (customers.isEmpty()) {
            return new Result(outcomes, Map.of());
        }
        int n = customers.size();
        List<Long> stored = new java.util.ArrayList<>();
        Object[][] cols = new Object[15][n];
        for (int i = 0; i < n; i++) {
            CustomerData c = customers.get(i);
            cols[0][i] = c.externalId();
            cols[1][i] = c.firstName();
            cols[2][i] = c.lastName();
            cols[3][i] = c.email();
            cols[4][i] = c.phone();
            cols[5][i] = c.loyaltyNumber();
            cols[6][i] = c.locale();
            cols[7][i] = c.city();
            cols[8][i] = c.country();
            cols[9][i] = c.marketingConsent();
            cols[10][i] = c.createdAt() == null ? null : c.createdAt().toString();
            cols[11][i] = c.birthDate() == null ? null : c.birthDate().toString();
            cols[12][i] = c.street();
            cols[13][i] = c.postalCode();
            cols[14][i] = c.region();
            outcomes.put(c.externalId(), UpsertOutcome.UNCHANGED);
        }
        jdbc.query((Connection con) -> {
            PreparedStatement ps = con.prepareStatement(SQL);
            for (int col = 0; col < cols.length; col++) {
                ps.setArray(col + 1, col == 9 ? SqlArrays.bool(con, cols[col]) : SqlArrays.text(con, cols[col]));
            }
            return ps;
        }, rs -> {
            outcomes.put(rs.getString(1), rs.getBoolean(3) ? UpsertOutcome.CREATED : UpsertOutcome.UPDATED);
            stored.add(rs.getLong(2));
        });
        if (!stored.isEmpty()) {
            events.publishEvent(new CustomersStored(stored));
        }
        Map<String, Long> ids = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("select external_id, id from customer where external_id = any(?)");
            ps.setArray(1, SqlArrays.text(con, cols[0]));
            return ps;
        }, rs -> {
            ids.put(rs.getString(1), rs.getLong(2));
        });
        return new Result(outcomes, ids);
    }

    /** Loyalty numbers already held by a customer other than the one with the given external id. */
    public Map<String, String> loyaltyOwners(List<String> loyaltyNumbers) {
        Map<String, String> owners = new HashMap<>();
        if (loyaltyNumbers.isEmpty()) {
            return owners;
        }
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "select loyalty_number, external_id from customer where loyalty_number = any(?)");
            ps.setArray(1, SqlArrays.text(con, loyaltyNumbers.toArray()));
            return ps;
        }, rs -> {
            owners.put(rs.getString(1), rs.getString(2));
        });
        return owners;
    }
}
