/** Marketing's console: the ranked dashboard with filters and charts, audiences, CSV export, campaigns. */
@NullMarked
package io.trinity.marketing.web;

import org.jspecify.annotations.NullMarked;
