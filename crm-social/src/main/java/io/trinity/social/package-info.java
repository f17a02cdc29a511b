/**
 * Connector adapters that pull Facebook, X and check-in activity into the core customer, identity and activity
 * model. Nothing network-specific leaks into crm-core.
 */
@NullMarked
package io.trinity.social;

import org.jspecify.annotations.NullMarked;
