/**
 * Value types and rules every feature uses: money, decimals, times, cursors and pages, input errors. Lives in
 * crm-core.
 */
@ApplicationModule(displayName = "Shared kernel")
@NullMarked
package io.trinity.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
