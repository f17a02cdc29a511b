/** CSV imports from the console, run in the background with a progress bar and a per-row error report. */
@NullMarked
package io.trinity.web.imports;

import org.jspecify.annotations.NullMarked;
