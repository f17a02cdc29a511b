package io.trinity.scoring;

import io.trinity.scoring.Factor;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A customer's Value TRInity from the current run, with the factors and plain-language explanation behind it.
 * {@code transaction} is null when the customer made no purchase in the window.
 */
public record CustomerValue(long customerId, LocalDate asOf, long runId, @Nullable Transaction transaction,
        Relationship relationship, Influence influence, double combined, String segment, String segmentRule,
        List<String> explanation) {

    /** RFM figures; {@code monetaryMinor} is in the base currency's minor units. */
    public record Transaction(int recencyDays, int frequency, long monetaryMinor, String currency, int r, int f,
            int m, String rfm, double score) {
    }

    public record Relationship(double score, List<Factor> factors) {
    }

    public record Influence(double score, long followers, double postsPer30d, double engagementPerPost,
            double amplification, double pageRank, List<Factor> factors) {
    }
}
