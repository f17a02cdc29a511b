/**
 * Duplicate customers: finds records that are one person (probabilistic record linkage with parameters estimated
 * from the data, {@link io.trinity.duplicates.internal.Matcher}), on a full scan and within seconds of ingest, and
 * keeps the review queue of pairs and clusters. Merging itself is the customer feature's
 * ({@link io.trinity.customer.CustomerMerges}); this feature proposes, remembers rejections, audits, and merges the
 * automatic band when {@code crm.identity.auto-merge} is on.
 */
@ApplicationModule(displayName = "Duplicates")
@NullMarked
package io.trinity.duplicates;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
