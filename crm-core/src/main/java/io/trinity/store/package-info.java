/**
 * The brand's stores. Owns store. Lives in crm-core.
 */
@ApplicationModule(displayName = "Stores")
@NullMarked
package io.trinity.store;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
