package io.trinity.social.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What one sync did so far: counts and errors, written to {@code social_sync} when it ends or pauses. */
public final class SyncLog {

    private int fetched;
    private int created;
    private int unchanged;
    private final List<Map<String, String>> errors = new ArrayList<>();
    private java.time.@org.jspecify.annotations.Nullable Instant resumeAt;

    /** A rate-limited connector says when the network may be asked again. */
    public void resumeAt(java.time.Instant when) {
        resumeAt = when;
    }

    public java.time.@org.jspecify.annotations.Nullable Instant resumeAt() {
        return resumeAt;
    }

    public void fetched(int n) {
        fetched += n;
    }

    public void stored(int created, int updated, int unchanged) {
        this.created += created + updated;
        this.unchanged += unchanged;
    }

    public void error(String message, String detail) {
        errors.add(Map.of("message", message, "detail", detail == null ? "" : detail));
    }

    public int fetched() {
        return fetched;
    }

    public int created() {
        return created;
    }

    public int unchanged() {
        return unchanged;
    }

    public List<Map<String, String>> errors() {
        return List.copyOf(errors);
    }
}
