package io.trinity.duplicates.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Transitive groups of pairs (A~B, B~C: one cluster A, B, C), by union–find. A cluster's id is its smallest
 * customer id, so the same pairs always give the same clusters and ids. Plain Java.
 */
public final class Clusters {

    private final Map<Long, Long> parent = new HashMap<>();

    public void join(long a, long b) {
        long ra = root(a);
        long rb = root(b);
        if (ra != rb) {
            // The smaller id becomes the root: the cluster id is stable whatever order pairs come in.
            parent.put(Math.max(ra, rb), Math.min(ra, rb));
        }
    }

    /** The cluster id of a customer that takes part in some pair. */
    public long clusterOf(long id) {
        return root(id);
    }

    private long root(long id) {
        long r = id;
        Long p;
        while ((p = parent.get(r)) != null && p != r) {
            r = p;
        }
        // Path compression keeps later look-ups short.
        long x = id;
        while ((p = parent.get(x)) != null && p != r) {
            parent.put(x, r);
            x = p;
        }
        return r;
    }
}
