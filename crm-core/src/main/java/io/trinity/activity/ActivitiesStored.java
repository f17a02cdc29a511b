package io.trinity.activity;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Published inside the ingest transaction with the activities a batch newly stored (not re-sent ones). */
public record ActivitiesStored(List<Stored> activities) {

    public record Stored(String network, String externalId, ActivityType type, @Nullable Long actorCustomerId,
            @Nullable String targetStoreId, Instant occurredAt, @Nullable String text) {
    }
}
