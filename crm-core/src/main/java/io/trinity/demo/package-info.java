/**
 * The demo and benchmark population, written through each feature's own bulk loader. Owns installation_state.
 * Lives in crm-core.
 */
@ApplicationModule(displayName = "Demo data")
@NullMarked
package io.trinity.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
