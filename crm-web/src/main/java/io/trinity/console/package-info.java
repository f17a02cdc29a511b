/**
 * The console's frame: sign-in page, overview, error pages shared by every feature's screens. Lives in crm-web.
 */
@ApplicationModule(displayName = "Console")
@NullMarked
package io.trinity.console;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
