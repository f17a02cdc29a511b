package io.trinity.duplicates;

import io.trinity.duplicates.internal.Evidence;
import io.trinity.shared.ConflictException;
import io.trinity.shared.Cursor;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.NotFoundException;
import io.trinity.shared.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review queue: pairs by band and status, highest probability first, and grouped as clusters for the console;
 * "not the same person" is remembered for good. Every decision is audited with ids and evidence, never names.
 */
@Service
public class DuplicateQueue {

    public static final int MAX_PAGE = 1000;
    private static final Set<String> BANDS = Set.of("auto", "review");
    private static final Set<String> STATUSES = Set.of("open", "merged", "rejected");

    /** A cluster of the queue: its open pairs, and the customers they connect. */
    public record Cluster(long id, List<DuplicatePair> pairs, List<Long> customerIds, double bestProbability,
            String band) {
    }

    private final JdbcTemplate jdbc;
    private final io.trinity.duplicates.internal.AutoMerger autoMerger;

    DuplicateQueue(JdbcTemplate jdbc, io.trinity.duplicates.internal.AutoMerger autoMerger) {
        this.jdbc = jdbc;
        this.autoMerger = autoMerger;
    }

    /** A person's bulk merge of every open pair of the automatic band; returns how many merges were made. */
    public int mergeAutomaticBand(String actor) {
        return autoMerger.mergeAutomaticBand(null, actor);
    }

    /** Pairs, highest probability first (keyset on probability and id); band null means both. */
    @Transactional(readOnly = true)
    public Page<DuplicatePair> pairs(@Nullable String band, @Nullable String status, int limit,
            @Nullable String after) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_PAGE);
        }
        if (band != null && !BANDS.contains(band)) {
            throw new InvalidInputException("band", "must be review or auto");
        }
        String state = status == null ? "open" : status;
        if (!STATUSES.contains(state)) {
            throw new InvalidInputException("status", "must be open, merged or rejected");
        }
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select * from duplicate_pair where status = ?");
        args.add(state);
        if (band != null) {
            sql.append(" and band = ?");
            args.add(band);
        }
        if (after != null && !after.isBlank()) {
            Cursor.ScoreKey key = Cursor.decodeScoreKey(after);
            sql.append(" and (probability, id) < (?, ?)");
            args.add(key.score());
            args.add(key.id());
        }
        sql.append(" order by probability desc, id desc limit ?");
        args.add(limit + 1);
        List<DuplicatePair> rows = jdbc.query(sql.toString(), DuplicateQueue::row, args.toArray());
        if (rows.size() > limit) {
            List<DuplicatePair> page = List.copyOf(rows.subList(0, limit));
            DuplicatePair last = page.get(limit - 1);
            return new Page<>(page, Cursor.encode(last.probability(), last.id()));
        }
        return new Page<>(rows, null);
    }

    /**
     * Open clusters, best first, with their pairs; {@code minProbability} filters by the best pair's score, and
     * paging is by offset over clusters (the queue is short enough, and a cluster must not be cut in two).
     */
    @Transactional(readOnly = true)
    public List<Cluster> clusters(@Nullable String band, double minProbability, int limit, int offset) {
        if (band != null && !BANDS.contains(band)) {
            throw new InvalidInputException("band", "must be review or auto");
        }
        List<Long> ids = jdbc.queryForList("""
                select cluster_id from duplicate_pair where status = 'open' and (?::text is null or band = ?)
                group by cluster_id having max(probability) >= ?
                order by max(probability) desc, cluster_id limit ? offset ?""", Long.class, band, band,
                minProbability, limit, offset);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<DuplicatePair>> byCluster = new LinkedHashMap<>();
        ids.forEach(id -> byCluster.put(id, new ArrayList<>()));
        jdbc.query(con -> {
            var ps = con.prepareStatement("select * from duplicate_pair where status = 'open' and cluster_id = any(?)"
                    + " order by probability desc, id");
            ps.setArray(1, con.createArrayOf("bigint", ids.toArray()));
            return ps;
        }, rs -> {
            DuplicatePair p = row(rs, 0);
            byCluster.get(p.clusterId()).add(p);
        });
        List<Cluster> out = new ArrayList<>();
        byCluster.forEach((id, pairs) -> {
            List<Long> customers = pairs.stream().flatMap(p -> p.customerIds().stream()).distinct().sorted().toList();
            boolean auto = pairs.stream().anyMatch(p -> p.band().equals("auto"));
            out.add(new Cluster(id, pairs, customers, pairs.isEmpty() ? 0 : pairs.get(0).probability(),
                    auto ? "auto" : "review"));
        });
        return out;
    }

    /** How many open pairs and clusters each band holds. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("auto", 0L);
        counts.put("review", 0L);
        jdbc.query("select band, count(*) from duplicate_pair where status = 'open' group by band",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        counts.put("clusters", jdbc.queryForObject(
                "select count(distinct cluster_id) from duplicate_pair where status = 'open'", Long.class));
        return counts;
    }

    public Optional<DuplicatePair> find(long id) {
        return jdbc.query("select * from duplicate_pair where id = ?", DuplicateQueue::row, id).stream().findFirst();
    }

    /** The pair of these two customers, in whichever order, if the matcher found one. */
    public Optional<DuplicatePair> between(long x, long y) {
        return jdbc.query("select * from duplicate_pair where customer_a = ? and customer_b = ?", DuplicateQueue::row,
                Math.min(x, y), Math.max(x, y)).stream().findFirst();
    }

    /** A pair's evidence as stored (JSON), for the record of a merge. */
    public @Nullable String evidenceJson(long pairId) {
        return jdbc.queryForList("select evidence::text from duplicate_pair where id = ?", String.class, pairId)
                .stream().findFirst().orElse(null);
    }

    /** "Not the same person": the pair is never proposed again. Idempotent; 409 for a merged pair. */
    @Transactional
    public DuplicatePair reject(long id, String actor) {
        DuplicatePair pair = jdbc.query("select * from duplicate_pair where id = ? for update", DuplicateQueue::row,
                id).stream().findFirst().orElseThrow(() -> new NotFoundException("no duplicate pair with id " + id));
        if (pair.status().equals("merged")) {
            throw new ConflictException("id", "pair " + id + " was merged; undo the merge instead");
        }
        if (pair.status().equals("rejected")) {
            return pair;
        }
        jdbc.update("update duplicate_pair set status = 'rejected', decided_by = ?, decided_at = now() where id = ?",
                actor, id);
        jdbc.update("""
                insert into duplicate_audit (action, actor, pair_id, customer_ids, probability, evidence)
                select 'REJECTED', ?, id, array[customer_a, customer_b], probability, evidence
                from duplicate_pair where id = ?""", actor, id);
        return find(id).orElseThrow();
    }

    /** Who decided what, newest first (ids and evidence only). */
    public record AuditEntry(long id, Timestamp at, String action, String actor, boolean automatic,
            @Nullable Long pairId, @Nullable Long mergeId, List<Long> customerIds) {
    }

    public List<AuditEntry> audit(int limit) {
        return jdbc.query("select * from duplicate_audit order by occurred_at desc, id desc limit ?", (rs, n) -> {
            Long[] customers = (Long[]) rs.getArray("customer_ids").getArray();
            return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at"), rs.getString("action"),
                    rs.getString("actor"), rs.getBoolean("automatic"), (Long) rs.getObject("pair_id"),
                    (Long) rs.getObject("merge_id"), List.of(customers));
        }, limit);
    }

    static DuplicatePair row(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new DuplicatePair(rs.getLong("id"), rs.getLong("cluster_id"), rs.getLong("customer_a"),
                rs.getLong("customer_b"), rs.getDouble("probability"), rs.getString("band"), rs.getString("status"),
                Evidence.parse(rs.getString("evidence")), rs.getTimestamp("found_at").toInstant(),
                rs.getString("decided_by"), decided == null ? null : decided.toInstant());
    }
}
