/**
 * Service cases and their notes. Owns service_case and service_case_note; publishes case_facts. Lives in crm-
 * core.
 */
@ApplicationModule(displayName = "Service cases")
@NullMarked
package io.trinity.cases;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
