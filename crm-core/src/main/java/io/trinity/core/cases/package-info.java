/** Service cases: opened from a mention or by hand, with status, assignee and notes; shown on the timeline. */
@NullMarked
package io.trinity.core.cases;

import org.jspecify.annotations.NullMarked;
