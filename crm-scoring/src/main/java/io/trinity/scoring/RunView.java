package io.trinity.scoring;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A scoring run as the API and console show it. {@code reportJson} holds counts and per-phase timings in
 * milliseconds once the run has finished.
 */
public record RunView(long id, LocalDate asOf, String status, @Nullable String phase, int progress,
        Instant startedAt, @Nullable Instant finishedAt, int weightsVersion, String reportJson,
        @Nullable String error) {
}
