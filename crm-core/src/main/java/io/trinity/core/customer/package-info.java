/** The customer: who they are, how to reach them, what they consented to; created, edited, found and bulk-upserted. */
@NullMarked
package io.trinity.core.customer;

import org.jspecify.annotations.NullMarked;
