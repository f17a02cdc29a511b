/**
 * Connections to Facebook, X and Foursquare, resumable rate-limit-aware syncs, exact-evidence identity matching
 * and the signed check-in webhook. Owns social_connection and social_sync. Lives in crm-social.
 */
@ApplicationModule(displayName = "Social connectors")
@NullMarked
package io.trinity.social;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
