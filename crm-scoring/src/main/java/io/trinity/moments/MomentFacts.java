package io.trinity.moments;

import org.jspecify.annotations.Nullable;

/**
 * What the rules look at for one customer.
 *
 * @param negativeLast24h  negative mentions, comments or reviews by the customer in the last 24 hours
 * @param negativeNoCase7d negative ones in the last 7 days without a service case about them
 * @param daysToBirthday   days until the next birthday (0 = today), null when unknown
 */
public record MomentFacts(@Nullable Double influence, @Nullable String segment, int negativeLast24h,
        int negativeNoCase7d, @Nullable String nextTier, long pointsToNextTier, long nextTierThreshold,
        @Nullable Integer daysToBirthday, int openCases) {
}
