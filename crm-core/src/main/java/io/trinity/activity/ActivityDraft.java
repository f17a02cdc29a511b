package io.trinity.activity;

import org.jspecify.annotations.Nullable;

/**
 * An activity as received, not yet trusted. The actor is a customer (id, external id or e-mail) or a social
 * identity on the activity's network (network user id or handle); the optional target is a customer, a brand
 * post or a store. {@code metricsJson} is the raw JSON object of reach/engagement figures.
 */
public record ActivityDraft(
        @Nullable String network,
        @Nullable String externalId,
        @Nullable String type,
        @Nullable String occurredAt,
        @Nullable Actor actor,
        @Nullable Target target,
        @Nullable String text,
        @Nullable String metricsJson,
        @Nullable String sentiment) {

    public record Actor(@Nullable Long customerId, @Nullable String customerExternalId, @Nullable String email,
            @Nullable String networkUserId, @Nullable String handle) {
    }

    public record Target(@Nullable Long customerId, @Nullable String customerExternalId, @Nullable String postId,
            @Nullable String storeId) {
    }
}
