/**
 * Customers' accounts on the networks, and those not linked to anyone yet. Owns social_identity; publishes
 * identity_directory and IdentityLinked. Lives in crm-core.
 */
@ApplicationModule(displayName = "Social identities")
@NullMarked
package io.trinity.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
