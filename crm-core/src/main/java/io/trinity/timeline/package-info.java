/**
 * A customer's merged timeline, keyset-paged over the owners' published read models. Lives in crm-core.
 */
@ApplicationModule(displayName = "Timeline")
@NullMarked
package io.trinity.timeline;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
