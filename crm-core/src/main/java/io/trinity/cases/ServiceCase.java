package io.trinity.cases;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A customer-service case with its notes, oldest note first. */
public record ServiceCase(long id, @Nullable Long customerId, @Nullable String customerName, @Nullable Long activityId,
        @Nullable String activityText, String subject, String status, String priority, @Nullable String assignee,
        String createdBy, Instant createdAt, Instant updatedAt, List<Note> notes) {

    public record Note(long id, String author, String text, Instant createdAt) {
    }
}
