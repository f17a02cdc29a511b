package io.trinity.social.connection;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A connection as an admin submits it; {@code credentials} may be null on an edit that keeps the stored ones. */
public record ConnectionDraft(@Nullable String network, @Nullable String accountId, @Nullable String displayName,
        @Nullable Map<String, String> credentials, @Nullable String schedule) {
}
