package io.trinity.scoring.run;

import org.jspecify.annotations.Nullable;

/** One customer's scores and the raw signals behind them, as stored in {@code customer_value}. */
public record ValueRow(long customerId, @Nullable Integer recencyDays, @Nullable Integer frequency,
        @Nullable Long monetaryMinor, int r, int f, int m, @Nullable Double transactionScore, int profileFields,
        boolean consent, boolean preferences, int linkedIdentities, double reviews, double conversations,
        double referrals, double checkins, double relationshipScore, long followers, double postsPer30d,
        double engagementPerPost, double amplification, double pageRank, double influenceScore, double combined,
        String segment) {

    /**
     * The columns of {@code customer_value} in the order a row is written (the run id first, then this record's
     * components): the one list the full run's COPY and incremental rescoring's upsert are built from.
     */
    public static final java.util.List<String> COLUMNS = java.util.List.of("run_id", "customer_id", "recency_days",
            "frequency", "monetary_minor", "r", "f", "m", "transaction_score", "profile_fields", "consent",
            "preferences", "linked_identities", "reviews", "conversations", "referrals", "checkins",
            "relationship_score", "followers", "posts_per_30d", "engagement_per_post", "amplification", "page_rank",
            "influence_score", "combined", "segment");

    /** {@link #COLUMNS} as a SQL column list. */
    public static String columnList() {
        return String.join(", ", COLUMNS);
    }
}
