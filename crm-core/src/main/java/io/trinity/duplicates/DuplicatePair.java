package io.trinity.duplicates;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Two customers that may be one person: the match probability, its band, the decision, and the evidence (each
 * comparison's level and weight in bits, strongest first). {@code customerA < customerB}.
 */
public record DuplicatePair(long id, long clusterId, long customerA, long customerB, double probability, String band,
        String status, List<Evidence> evidence, Instant foundAt, @Nullable String decidedBy,
        @Nullable Instant decidedAt) {

    /** One comparison: field ("email"), level ("exact", "close", "missing"), weight in bits (log2 m/u). */
    public record Evidence(String field, String level, double weight) {
    }

    public List<Long> customerIds() {
        return List.of(customerA, customerB);
    }
}
