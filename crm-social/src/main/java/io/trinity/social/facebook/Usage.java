package io.trinity.social.facebook;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Graph's usage headers ({@code X-App-Usage}, {@code X-Page-Usage}: percentages of the limit;
 * {@code X-Business-Use-Case-Usage}: the same per business object, with {@code estimated_time_to_regain_access} in
 * minutes) to decide when to pause and for how long.
 */
final class Usage {

    /** Pause before any figure reaches 100. */
    static final int PAUSE_AT = 90;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Usage() {
    }

    /** The highest percentage in any of the headers, 0 when none is present or readable. */
    static int highest(@Nullable String... headers) {
        int max = 0;
        for (String header : headers) {
            JsonNode node = parse(header);
            if (node == null) {
                continue;
            }
            max = Math.max(max, highestIn(node));
        }
        return max;
    }

    private static int highestIn(JsonNode node) {
        int max = 0;
        if (node.isObject()) {
            for (String key : new String[] {"call_count", "total_cputime", "total_time"}) {
                if (node.path(key).isNumber()) {
                    max = Math.max(max, node.path(key).asInt());
                }
            }
            for (JsonNode child : node) {
                if (child.isObject() || child.isArray()) {
                    max = Math.max(max, highestIn(child));
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                max = Math.max(max, highestIn(child));
            }
        }
        return max;
    }

    /**
     * When to ask again: the business-use-case estimate if Graph gives one, otherwise 1, 2, 4 … up to 60 minutes
     * with jitter, by how many pauses came before.
     */
    static Instant waitUntil(@Nullable String businessUseCaseHeader, int pausesBefore) {
        long minutes = 0;
        JsonNode node = parse(businessUseCaseHeader);
        if (node != null) {
            for (JsonNode entries : node) {
                for (JsonNode entry : entries) {
                    minutes = Math.max(minutes, entry.path("estimated_time_to_regain_access").asLong(0));
                }
            }
        }
        if (minutes <= 0) {
            minutes = Math.min(60, 1L << Math.min(Math.max(0, pausesBefore), 6));
        }
        long jitterSeconds = ThreadLocalRandom.current().nextLong(Math.max(1, minutes * 6));
        return Instant.now().plus(Duration.ofMinutes(minutes)).plusSeconds(jitterSeconds);
    }

    private static @Nullable JsonNode parse(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(header);
        } catch (JacksonException e) {
            return null;
        }
    }
}
