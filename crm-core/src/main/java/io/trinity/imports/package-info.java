/**
 * CSV imports of customers and orders, streamed in chunks through the customer, identity and order features.
 * Lives in crm-core.
 */
@ApplicationModule(displayName = "Imports")
@NullMarked
package io.trinity.imports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
