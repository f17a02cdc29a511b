/**
 * Audiences over the valuation, consent-aware exports and campaigns with a holdout. Owns audience, campaign and
 * campaign_contact; publishes campaign_touches. Lives in crm-scoring.
 */
@ApplicationModule(displayName = "Marketing")
@NullMarked
package io.trinity.marketing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
