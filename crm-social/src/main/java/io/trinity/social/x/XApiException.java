package io.trinity.social.x;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Why an X request failed, in the terms a sync acts on. */
public class XApiException extends RuntimeException {

    /** What the sync should do about it. */
    public enum Kind {
        /** 429: wait until {@code resetAt}, then resume from the same page. */
        RATE_LIMITED,
        /** 429 with a usage-capped problem: stop until the period ends and tell an admin. */
        USAGE_CAPPED,
        /** 401: the bearer token is invalid or revoked; never retried. */
        UNAUTHORIZED,
        /** 5xx, timeout or a body that is not the JSON promised: retried with backoff, then given up. */
        TRANSIENT,
        /** Any other 4xx: a bug or a misconfiguration; not retried. */
        REJECTED
    }

    private final Kind kind;
    private final @Nullable Instant resetAt;
    private final @Nullable String snippet;

    public XApiException(Kind kind, String message, @Nullable Instant resetAt, @Nullable String snippet) {
        super(message);
        this.kind = kind;
        this.resetAt = resetAt;
        this.snippet = snippet;
    }

    public Kind kind() {
        return kind;
    }

    public @Nullable Instant resetAt() {
        return resetAt;
    }

    /** The start of the offending body, for the sync log. */
    public @Nullable String snippet() {
        return snippet;
    }
}
