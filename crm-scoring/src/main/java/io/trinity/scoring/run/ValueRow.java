package io.trinity.scoring.run;

import org.jspecify.annotations.Nullable;

/** One customer's scores and the raw signals behind them, as stored in {@code customer_value}. */
public record ValueRow(long customerId, @Nullable Integer recencyDays, @Nullable Integer frequency,
        @Nullable Long monetaryMinor, int r, int f, int m, @Nullable Double transactionScore, int profileFields,
        boolean consent, boolean preferences, int linkedIdentities, double reviews, double conversations,
        double referrals, double checkins, double relationshipScore, long followers, double postsPer30d,
        double engagementPerPost, double amplification, double pageRank, double influenceScore, double combined,
        String segment) {
}
