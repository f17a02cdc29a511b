package io.trinity.loyalty.internal;

import io.trinity.loyalty.LimitPeriod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What rules already gave, as far as their limits need to know: each award's time per rule and customer, and
 * each rule's points spent against its budget. Loaded from the ledger for a batch and kept current while the
 * batch is evaluated, so a limit holds inside one batch as well as across batches.
 */
public final class AwardHistory {

    private final Map<Long, Map<Long, List<Instant>>> awards = new HashMap<>();
    private final Map<Long, Long> spent = new HashMap<>();

    public void record(long ruleId, long customerId, Instant at, long points) {
        awards.computeIfAbsent(ruleId, r -> new HashMap<>()).computeIfAbsent(customerId, c -> new ArrayList<>())
                .add(at);
        spent.merge(ruleId, points, Long::sum);
    }

    /** Counts an earlier award without points (used when loading from the ledger). */
    public void recordSpent(long ruleId, long points) {
        spent.merge(ruleId, points, Long::sum);
    }

    public void recordAward(long ruleId, long customerId, Instant at) {
        awards.computeIfAbsent(ruleId, r -> new HashMap<>()).computeIfAbsent(customerId, c -> new ArrayList<>())
                .add(at);
    }

    public int countInPeriod(long ruleId, long customerId, LimitPeriod period, Instant at) {
        List<Instant> times = awards.getOrDefault(ruleId, Map.of()).getOrDefault(customerId, List.of());
        int n = 0;
        for (Instant t : times) {
            if (period.samePeriod(t, at)) {
                n++;
            }
        }
        return n;
    }

    public boolean awardedBefore(long ruleId, long customerId) {
        return !awards.getOrDefault(ruleId, Map.of()).getOrDefault(customerId, List.of()).isEmpty();
    }

    public long spent(long ruleId) {
        return spent.getOrDefault(ruleId, 0L);
    }
}
