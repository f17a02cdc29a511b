package io.trinity.duplicates.internal;

import io.trinity.database.BinaryCopyWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The blocking keys of every active customer as 64-bit hashes, so a new or changed customer finds its candidates
 * with one index scan instead of a pass over the base. A full scan rewrites them; incremental checks keep them up.
 */
@Component
public class KeyStore {

    private final JdbcTemplate jdbc;

    KeyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Rewrites every key (inside the caller's transaction); indexes are rebuilt once instead of row by row. */
    public long replaceAll(List<MatchRecord> records) {
        jdbc.execute("truncate duplicate_key");
        jdbc.execute("drop index if exists duplicate_key_key_idx");
        jdbc.execute("drop index if exists duplicate_key_customer_idx");
        long[][] hashes = new long[records.size()][];
        java.util.stream.IntStream.range(0, hashes.length).parallel().forEach(k -> hashes[k] = hashes(records.get(k)));
        long rows = jdbc.execute((ConnectionCallback<Long>) con -> {
            try (BinaryCopyWriter copy = new BinaryCopyWriter(con, "duplicate_key", "key, customer_id")) {
                for (int k = 0; k < hashes.length; k++) {
                    long id = records.get(k).id();
                    for (long key : hashes[k]) {
                        copy.row(2).int8(key).int8(id);
                    }
                    hashes[k] = null;
                }
                return copy.finish();
            }
        });
        // Ten million keys sort in memory instead of in temporary files (for this transaction only).
        jdbc.execute("set local maintenance_work_mem = '512MB'");
        jdbc.execute("create index duplicate_key_key_idx on duplicate_key (key)");
        jdbc.execute("create index duplicate_key_customer_idx on duplicate_key (customer_id)");
        jdbc.execute("analyze duplicate_key");
        return rows;
    }

    /**
     * Stores one customer's keys and answers the other customers sharing one of them, skipping keys so common that
     * blocking on them would compare against whole populations (as the full scan does).
     */
    public Set<Long> replaceFor(MatchRecord r) {
        forget(r.id());
        long[] keys = hashes(r);
        Set<Long> candidates = new TreeSet<>();
        if (keys.length == 0) {
            return candidates;
        }
        Long[] boxed = java.util.Arrays.stream(keys).boxed().toArray(Long[]::new);
        Map<Long, List<Long>> byKey = new HashMap<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("select key, customer_id from duplicate_key where key = any(?)");
            ps.setArray(1, con.createArrayOf("bigint", boxed));
            return ps;
        }, rs -> {
            byKey.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getLong(2));
        });
        byKey.values().stream().filter(ids -> ids.size() < Blocking.MAX_BLOCK).forEach(candidates::addAll);
        candidates.remove(r.id());
        jdbc.batchUpdate("insert into duplicate_key (key, customer_id) values (?, ?)",
                java.util.Arrays.stream(keys).mapToObj(k -> new Object[] {k, r.id()}).toList());
        return candidates;
    }

    /** Drops a customer's keys (merged away, anonymised). */
    public void forget(long customerId) {
        jdbc.update("delete from duplicate_key where customer_id = ?", customerId);
    }

    static long[] hashes(MatchRecord r) {
        return Blocking.keys(r).stream().mapToLong(Blocking.Key::hash).distinct().toArray();
    }
}
