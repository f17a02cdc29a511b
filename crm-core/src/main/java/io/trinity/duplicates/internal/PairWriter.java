package io.trinity.duplicates.internal;

import io.trinity.database.BinaryCopyWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes found pairs into the queue: new pairs open, open pairs refreshed, decided pairs (merged, "not the same
 * person") kept as decided whatever the new score; open pairs no longer found go. Then gives each pair the id of
 * its cluster (the smallest customer id among the customers its open pairs connect), so the same data always gives
 * the same cluster ids.
 */
@Component
public class PairWriter {

    /** A pair as found: {@code a < b}. */
    public record Found(long a, long b, double probability, String band, String evidence) {
    }

    private final JdbcTemplate jdbc;

    PairWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** After a full scan: the found pairs replace every open pair. Returns how many pairs are open. */
    public long replaceAll(List<Found> found, long version) {
        stage(found);
        jdbc.update("""
                insert into duplicate_pair (customer_a, customer_b, cluster_id, probability, band, evidence,
                                            model_version)
                select a, b, a, probability, band, evidence::jsonb, ? from found_pair order by a, b
                on conflict (customer_a, customer_b) do update set probability = excluded.probability,
                    band = excluded.band, evidence = excluded.evidence, model_version = excluded.model_version
                where duplicate_pair.status = 'open'""", version);
        jdbc.update("""
                delete from duplicate_pair p where p.status = 'open'
                  and not exists (select 1 from found_pair f where f.a = p.customer_a and f.b = p.customer_b)""");
        reclusterAll();
        return jdbc.queryForObject("select count(*) from duplicate_pair where status = 'open'", Long.class);
    }

    /** After an incremental check of {@code customer}: its open pairs are exactly the found ones. */
    public void replaceFor(long customer, List<Found> found, long version) {
        Set<Long> touched = new HashSet<>();
        touched.add(customer);
        jdbc.query("select customer_a, customer_b from duplicate_pair where status = 'open'"
                + " and (customer_a = ? or customer_b = ?)", rs -> {
                    touched.add(rs.getLong(1));
                    touched.add(rs.getLong(2));
                }, customer, customer);
        jdbc.update("delete from duplicate_pair where status = 'open' and (customer_a = ? or customer_b = ?)",
                customer, customer);
        for (Found f : found) {
            touched.add(f.a());
            touched.add(f.b());
            jdbc.update("""
                    insert into duplicate_pair (customer_a, customer_b, cluster_id, probability, band, evidence,
                                                model_version)
                    values (?, ?, ?, ?, ?, ?::jsonb, ?)
                    on conflict (customer_a, customer_b) do update set probability = excluded.probability,
                        band = excluded.band, evidence = excluded.evidence, model_version = excluded.model_version
                    where duplicate_pair.status = 'open'""", f.a(), f.b(), f.a(), f.probability(), f.band(),
                    f.evidence(), version);
        }
        recluster(touched);
    }

    /** Gives the open pairs around these customers their cluster's id. */
    public void recluster(Collection<Long> customers) {
        Set<Long> seen = new HashSet<>(customers);
        ArrayDeque<Long> frontier = new ArrayDeque<>(customers);
        List<long[]> pairs = new ArrayList<>();
        Set<Long> pairIds = new HashSet<>();
        while (!frontier.isEmpty() && seen.size() < 10_000) {
            List<Long> batch = new ArrayList<>();
            while (!frontier.isEmpty() && batch.size() < 500) {
                batch.add(frontier.poll());
            }
            Long[] ids = batch.toArray(Long[]::new);
            jdbc.query(con -> {
                var ps = con.prepareStatement("select id, customer_a, customer_b from duplicate_pair"
                        + " where status = 'open' and (customer_a = any(?) or customer_b = any(?))");
                ps.setArray(1, con.createArrayOf("bigint", ids));
                ps.setArray(2, con.createArrayOf("bigint", ids));
                return ps;
            }, rs -> {
                if (pairIds.add(rs.getLong(1))) {
                    long a = rs.getLong(2);
                    long b = rs.getLong(3);
                    pairs.add(new long[] {rs.getLong(1), a, b});
                    for (long c : new long[] {a, b}) {
                        if (seen.add(c)) {
                            frontier.add(c);
                        }
                    }
                }
            });
        }
        Clusters clusters = new Clusters();
        for (long[] p : pairs) {
            clusters.join(p[1], p[2]);
        }
        for (long[] p : pairs) {
            jdbc.update("update duplicate_pair set cluster_id = ? where id = ? and cluster_id <> ?",
                    clusters.clusterOf(p[1]), p[0], clusters.clusterOf(p[1]));
        }
    }

    /** Gives every open pair its cluster's id. */
    public void reclusterAll() {
        Clusters clusters = new Clusters();
        Map<Long, long[]> pairs = new LinkedHashMap<>();
        jdbc.query("select id, customer_a, customer_b, cluster_id from duplicate_pair where status = 'open'", rs -> {
            long a = rs.getLong(2);
            long b = rs.getLong(3);
            clusters.join(a, b);
            pairs.put(rs.getLong(1), new long[] {a, rs.getLong(4)});
        });
        List<long[]> changes = new ArrayList<>();
        pairs.forEach((id, p) -> {
            long cluster = clusters.clusterOf(p[0]);
            if (cluster != p[1]) {
                changes.add(new long[] {id, cluster});
            }
        });
        if (changes.isEmpty()) {
            return;
        }
        jdbc.execute("create temporary table if not exists pair_cluster (id bigint, cluster bigint)"
                + " on commit drop");
        jdbc.execute((ConnectionCallback<Long>) con -> {
            try (BinaryCopyWriter copy = new BinaryCopyWriter(con, "pair_cluster", "id, cluster")) {
                for (long[] c : changes) {
                    copy.row(2).int8(c[0]).int8(c[1]);
                }
                return copy.finish();
            }
        });
        jdbc.update("update duplicate_pair p set cluster_id = c.cluster from pair_cluster c where p.id = c.id");
        jdbc.execute("drop table pair_cluster");
    }

    private void stage(List<Found> found) {
        jdbc.execute("create temporary table if not exists found_pair (a bigint, b bigint, probability float8,"
                + " band text, evidence text) on commit drop");
        jdbc.execute("truncate found_pair");
        jdbc.execute((ConnectionCallback<Long>) con -> {
            try (BinaryCopyWriter copy = new BinaryCopyWriter(con, "found_pair", "a, b, probability, band, evidence")) {
                for (Found f : found) {
                    copy.row(5).int8(f.a()).int8(f.b()).float8(f.probability()).text(f.band()).text(f.evidence());
                }
                return copy.finish();
            }
        });
        jdbc.execute("analyze found_pair");
    }
}
