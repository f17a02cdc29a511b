package io.trinity.scoring;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A scoring run succeeded and its values are what everyone reads from now on. Published with the run's success, in
 * the same transaction, and delivered after commit through the event publication registry, so a listener that
 * acts on the new values (loyalty's "entered a segment" rules) runs even if the application stops in between.
 *
 * @param previousRunId the run whose values these replace, null for the first run
 */
public record ScoringRunSucceeded(long runId, @Nullable Long previousRunId, LocalDate asOf) {
}
