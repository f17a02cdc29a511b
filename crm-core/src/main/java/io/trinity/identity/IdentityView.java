package io.trinity.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One social identity as a profile page lists it. */
public record IdentityView(
        long id,
        String network,
        @Nullable String networkUserId,
        @Nullable String handle,
        @Nullable String displayName,
        @Nullable String profileUrl,
        @Nullable Long followerCount,
        @Nullable Long customerId,
        @Nullable LinkMethod linkMethod,
        Instant createdAt) {
}
