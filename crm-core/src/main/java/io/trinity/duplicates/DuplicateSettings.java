package io.trinity.duplicates;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code crm.identity.*}: when a pair is merged without a person ({@code auto-merge}, off by default: a brand
 * turns it on once it trusts the queue), and where the bands start. {@code incremental-limit} is the largest batch
 * of changed customers checked one by one; a bigger import waits for the next full scan.
 */
@ConfigurationProperties("crm.identity")
public record DuplicateSettings(@DefaultValue("false") boolean autoMerge,
        @DefaultValue("0.999") double autoThreshold, @DefaultValue("0.5") double reviewThreshold,
        @DefaultValue("5000") int incrementalLimit) {

    public DuplicateSettings {
        if (!(reviewThreshold > 0 && reviewThreshold < autoThreshold && autoThreshold < 1)) {
            throw new IllegalArgumentException(
                    "crm.identity: 0 < review-threshold < auto-threshold < 1 is required");
        }
        if (incrementalLimit < 1) {
            throw new IllegalArgumentException("crm.identity.incremental-limit must be at least 1");
        }
    }
}
