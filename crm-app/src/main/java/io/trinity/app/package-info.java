/** Startup of the runnable application: demo data on first start and the banner with URL and logins. */
@NullMarked
package io.trinity.app;

import org.jspecify.annotations.NullMarked;
