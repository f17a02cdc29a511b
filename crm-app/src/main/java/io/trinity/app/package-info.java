/**
 * The runnable application: start-up banner and demo data on first start. Lives in crm-app.
 */
@ApplicationModule(displayName = "Application")
@NullMarked
package io.trinity.app;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
