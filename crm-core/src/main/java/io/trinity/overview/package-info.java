/**
 * The figures on the console's home page. Lives in crm-core.
 */
@ApplicationModule(displayName = "Overview")
@NullMarked
package io.trinity.overview;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
