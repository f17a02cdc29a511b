package io.trinity.scoring;

import org.jspecify.annotations.Nullable;

/** The figures segment rules look at. RFM scores are 0 and transaction is null when the customer is unscored. */
public record ScoreCard(@Nullable Double transaction, double relationship, double influence, double combined,
        int r, int f, int m, long customerAgeDays) {

    double metric(SegmentRule.Metric metric) {
        return switch (metric) {
            case TRANSACTION -> transaction == null ? 0 : transaction;
            case RELATIONSHIP -> relationship;
            case INFLUENCE -> influence;
            case COMBINED -> combined;
            case R -> r;
            case F -> f;
            case M -> m;
            case CUSTOMER_AGE_DAYS -> customerAgeDays;
        };
    }
}
