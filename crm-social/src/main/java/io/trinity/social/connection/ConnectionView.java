package io.trinity.social.connection;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A connection as pages and the API show it: never its credentials. */
public record ConnectionView(long id, String network, String accountId, String displayName, Duration schedule,
        String status, @Nullable Instant lastSuccessAt, Instant createdAt) {
}
