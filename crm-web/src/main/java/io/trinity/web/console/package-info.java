/** The console's frame: sign-in, the overview page and friendly error pages. */
@NullMarked
package io.trinity.web.console;

import org.jspecify.annotations.NullMarked;
