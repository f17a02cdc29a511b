package io.trinity.marketing;

import java.time.Instant;

/** A saved, named filter: a segment marketers can export or target with a campaign. */
public record Audience(long id, String name, AudienceFilter filter, String createdBy, Instant createdAt) {
}
