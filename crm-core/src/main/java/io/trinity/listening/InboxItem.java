package io.trinity.listening;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A mention, comment or review with its author, the author's reach, and what PR did about it. */
public record InboxItem(long activityId, String network, String type, Instant occurredAt, @Nullable String text,
        @Nullable String sentiment, @Nullable Long customerId, @Nullable String customerName,
        @Nullable Long identityId, @Nullable String handle, @Nullable Long reach, @Nullable Instant handledAt,
        @Nullable String handledBy, @Nullable String assignee, long openCases) {

    public String author() {
        if (customerName != null && !customerName.isBlank()) {
            return customerName;
        }
        return handle != null ? "@" + handle : "unknown author";
    }
}
