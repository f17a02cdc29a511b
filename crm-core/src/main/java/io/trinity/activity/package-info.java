/**
 * What customers and social accounts did (posts, shares, comments, check-ins, reviews, follows): idempotent
 * ingest, queries, and the bulk loader. Owns activity; publishes activity_facts and ActivitiesStored; attributes
 * an identity's earlier activities when IdentityLinked arrives. Lives in crm-core.
 */
@ApplicationModule(displayName = "Activity")
@NullMarked
package io.trinity.activity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
