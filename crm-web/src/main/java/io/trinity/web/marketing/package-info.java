/** Marketing's console: the ranked dashboard with filters and charts, audiences, CSV export, campaigns. */
@NullMarked
package io.trinity.web.marketing;

import org.jspecify.annotations.NullMarked;
