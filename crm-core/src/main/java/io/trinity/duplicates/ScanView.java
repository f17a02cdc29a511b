package io.trinity.duplicates;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A full scan: status ("running", "succeeded", "failed"), phase and progress (0–100) while it runs, how many
 * records, candidate pairs and kept pairs it saw, and the parameters it estimated (empty until it has).
 */
public record ScanView(long id, String status, String phase, int progress, @Nullable Long records,
        @Nullable Long candidates, @Nullable Long pairs, Map<String, Object> parameters, String startedBy,
        Instant startedAt, @Nullable Instant finishedAt, @Nullable String error) {
}
