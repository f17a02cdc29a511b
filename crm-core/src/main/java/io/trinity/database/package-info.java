/**
 * Infrastructure: the embedded PostgreSQL, binary and CSV COPY, SQL arrays, bulk-load doors for the features' own
 * tables, and the event publication registry's table. Lives in crm-core.
 */
@ApplicationModule(displayName = "Database")
@NullMarked
package io.trinity.database;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
