/** Data coming in: order and activity batches as JSON, customer and order files as CSV. */
@NullMarked
package io.trinity.web.ingest;

import org.jspecify.annotations.NullMarked;
