package io.trinity.duplicates.internal;

import io.trinity.customer.CustomerMerges;
import io.trinity.customer.CustomerResolver;
import io.trinity.shared.ConflictException;
import io.trinity.shared.NotFoundException;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Merges open pairs of the automatic band, each in its own transaction, cluster by cluster. The survivor is the
 * loyalty member (the most trusted record), else the older record. A pair whose customers are in another merge
 * right now is left for the next pass.
 */
@Component
public class AutoMerger {

    private static final Logger log = LoggerFactory.getLogger(AutoMerger.class);

    /** Who automatic merges are recorded as. */
    public static final String ACTOR = "duplicate-matcher";

    private final JdbcTemplate jdbc;
    private final CustomerMerges merges;
    private final CustomerResolver resolver;

    AutoMerger(JdbcTemplate jdbc, CustomerMerges merges, CustomerResolver resolver) {
        this.jdbc = jdbc;
        this.merges = merges;
        this.resolver = resolver;
    }

    private record Candidate(long id, long a, long b, double probability, String evidence) {
    }

    /** Merges the automatic band (of these clusters, or all with null); returns how many merges were made. */
    public int mergeAutomaticBand(@Nullable Collection<Long> clusters) {
        return mergeAutomaticBand(clusters, ACTOR);
    }

    /** As {@link #mergeAutomaticBand(Collection)}, recorded as {@code actor}'s bulk decision. */
    public int mergeAutomaticBand(@Nullable Collection<Long> clusters, String actor) {
        String scope = clusters == null ? "" : " and cluster_id = any(?)";
        Object[] args = clusters == null ? new Object[0] : new Object[] {clusters.toArray(Long[]::new)};
        List<Candidate> pairs = jdbc.query(con -> {
            var ps = con.prepareStatement("select id, customer_a, customer_b, probability, evidence::text"
                    + " from duplicate_pair where status = 'open' and band = 'auto'" + scope
                    + " order by cluster_id, probability desc, id");
            if (args.length > 0) {
                ps.setArray(1, con.createArrayOf("bigint", (Object[]) args[0]));
            }
            return ps;
        }, (rs, n) -> new Candidate(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4), rs.getString(5)));
        int merged = 0;
        for (Candidate p : pairs) {
            long a = resolver.current(p.a());
            long b = resolver.current(p.b());
            if (a == b) {
                continue;
            }
            long survivor = survivor(a, b);
            try {
                merges.merge(survivor, survivor == a ? b : a, null, new CustomerMerges.Origin(actor, true, p.id(),
                        p.probability(), p.evidence()));
                merged++;
            } catch (ConflictException | NotFoundException e) {
                log.info("Automatic merge of pair {} skipped: {}", p.id(), e.getMessage());
            }
        }
        return merged;
    }

    private long survivor(long a, long b) {
        List<Long> members = jdbc.queryForList("select id from customer_directory where id in (?, ?)"
                + " and loyalty_number is not null order by id", Long.class, a, b);
        return members.size() == 1 ? members.get(0) : Math.min(a, b);
    }
}
