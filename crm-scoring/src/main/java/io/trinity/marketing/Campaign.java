package io.trinity.marketing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A campaign: an audience, a channel, a message and an offer, over a window, with a holdout share. */
public record Campaign(long id, String name, long audienceId, String audienceName, String channel, String message,
        @Nullable Long offerRuleId, @Nullable String offerName, int holdoutPercent, Instant startsAt, Instant endsAt,
        String status, String createdBy, Instant createdAt, @Nullable Instant launchedAt) {
}
