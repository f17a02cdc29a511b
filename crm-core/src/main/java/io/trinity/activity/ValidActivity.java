package io.trinity.activity;

import io.trinity.customer.CustomerRef;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** An activity that passed {@link ActivityValidator}; actor and target customer are still to be resolved. */
public record ValidActivity(
        String network,
        String externalId,
        ActivityType type,
        OffsetDateTime occurredAt,
        @Nullable CustomerRef actorCustomer,
        @Nullable String actorNetworkUserId,
        @Nullable String actorHandle,
        @Nullable CustomerRef targetCustomer,
        @Nullable String targetPostId,
        @Nullable String targetStoreId,
        @Nullable String text,
        @Nullable String metricsJson,
        @Nullable Sentiment sentiment) {
}
