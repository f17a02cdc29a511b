/**
 * The rules that say when a customer needs the brand's attention now, and the next best action. Lives in crm-
 * scoring.
 */
@ApplicationModule(displayName = "Moments of truth")
@NullMarked
package io.trinity.moments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
