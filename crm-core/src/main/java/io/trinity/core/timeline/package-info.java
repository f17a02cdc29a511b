/** A customer's one merged timeline: orders, social activity, check-ins, cases, points and campaign contacts. */
@NullMarked
package io.trinity.core.timeline;

import org.jspecify.annotations.NullMarked;
