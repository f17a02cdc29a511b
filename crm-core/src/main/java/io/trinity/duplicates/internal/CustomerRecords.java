package io.trinity.duplicates.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads active customers, with the social accounts linked to them, as matcher records (through the views the
 * customer and identity features publish).
 */
@Component
public class CustomerRecords {

    private static final String SELECT = """
            select id, first_name, last_name, email, phone, loyalty_number, birth_date, street, postal_code, city,
                   country
            from customer_directory where status = 'ACTIVE'""";

    private final JdbcTemplate jdbc;
    private final Records records = new Records();

    CustomerRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every active customer, by id. */
    public List<MatchRecord> all() {
        Map<Long, List<String>> handles = new HashMap<>();
        jdbc.query("select customer_id, network, handle from identity_directory"
                + " where customer_id is not null and handle is not null", rs -> {
                    handles.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(1))
                            .add(handle(rs.getString(2), rs.getString(3)));
                });
        // The rows are read as stored, then normalised on every core: parsing phone numbers and transliterating
        // names costs far more than reading.
        List<Object[]> rows = new ArrayList<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement(SELECT + " order by id");
            ps.setFetchSize(10_000);
            return ps;
        }, rs -> {
            rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getObject(7, java.time.LocalDate.class), rs.getString(8), rs.getString(9),
                    rs.getString(10), rs.getString(11)});
        });
        MatchRecord[] out = new MatchRecord[rows.size()];
        java.util.stream.IntStream.range(0, out.length).parallel().forEach(k -> {
            Object[] row = rows.get(k);
            out[k] = record(row, handles.getOrDefault((Long) row[0], List.of()));
            rows.set(k, null);
        });
        return java.util.Arrays.asList(out);
    }

    private MatchRecord record(Object[] r, List<String> handles) {
        return records.record((Long) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], (java.time.LocalDate) r[6], (String) r[7], (String) r[8], (String) r[9],
                (String) r[10], handles);
    }

    /** These customers, those still active, by id. */
    public List<MatchRecord> of(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Long[] array = ids.stream().distinct().toArray(Long[]::new);
        Map<Long, List<String>> handles = new HashMap<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("select customer_id, network, handle from identity_directory"
                    + " where customer_id = any(?) and handle is not null");
            ps.setArray(1, con.createArrayOf("bigint", array));
            return ps;
        }, rs -> {
            handles.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(1)).add(handle(rs.getString(2),
                    rs.getString(3)));
        });
        return jdbc.query(con -> {
            var ps = con.prepareStatement(SELECT + " and id = any(?) order by id");
            ps.setArray(1, con.createArrayOf("bigint", array));
            return ps;
        }, (rs, n) -> record(rs, handles.getOrDefault(rs.getLong(1), List.of())));
    }

    private MatchRecord record(ResultSet rs, List<String> handles) throws SQLException {
        return records.record(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getObject(7, java.time.LocalDate.class), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), handles);
    }

    private static String handle(String network, String handle) {
        return network.toLowerCase(Locale.ROOT) + ":" + handle.replaceFirst("^@", "");
    }
}
