package io.trinity.activity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One activity as a profile lists it; {@code text} is untrusted and must be escaped when shown. */
public record ActivityView(long id, String network, String externalId, ActivityType type,
        @Nullable Long actorCustomerId, @Nullable Long actorIdentityId, @Nullable String actorHandle,
        @Nullable Long targetCustomerId, @Nullable String targetPostId, @Nullable String targetStoreId,
        Instant occurredAt, @Nullable String text, @Nullable String metricsJson, @Nullable Sentiment sentiment) {
}
