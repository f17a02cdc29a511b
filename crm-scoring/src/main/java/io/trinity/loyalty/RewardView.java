package io.trinity.loyalty;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A catalogue reward; {@code stock} null means unlimited. */
public record RewardView(long id, String name, String kind, @Nullable String description, long pointsPrice,
        @Nullable Integer stock, @Nullable Long creditMinor, @Nullable String creditCurrency, boolean active,
        Instant createdAt) {
}
