package io.trinity.imports.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trinity.activity.ActivityDraft;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One activity of a batch: who did what, on which network, when, to what. */
@JsonIgnoreProperties(ignoreUnknown = false)
record ActivityItem(
        @Nullable String network,
        @Nullable String externalId,
        @Nullable String type,
        @Nullable String occurredAt,
        @Nullable Actor actor,
        @Nullable Target target,
        @Nullable String text,
        @Nullable JsonNode metrics,
        @Nullable String sentiment) {

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Actor(@Nullable Long customerId, @Nullable String customerExternalId, @Nullable String email,
            @Nullable String networkUserId, @Nullable String handle) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Target(@Nullable Long customerId, @Nullable String customerExternalId, @Nullable String postId,
            @Nullable String storeId) {
    }

    ActivityDraft draft(@Nullable String metricsJson) {
        return new ActivityDraft(network, externalId, type, occurredAt,
                actor == null ? null : new ActivityDraft.Actor(actor.customerId(), actor.customerExternalId(),
                        actor.email(), actor.networkUserId(), actor.handle()),
                target == null ? null : new ActivityDraft.Target(target.customerId(), target.customerExternalId(),
                        target.postId(), target.storeId()),
                text, metricsJson, sentiment);
    }
}
