package io.trinity.timeline;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One moment in a customer's history. {@code kind} is order, refund, activity type (share, check-in, …), case,
 * points or campaign; {@code text} is the customer's own words where there are any (untrusted, shown escaped).
 */
public record TimelineEntry(String kind, long id, Instant at, String title, @Nullable String detail,
        @Nullable String text, @Nullable String network) {
}
