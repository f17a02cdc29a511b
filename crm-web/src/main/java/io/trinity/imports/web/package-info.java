/** Data coming in: order and activity batches as JSON, customer and order files as CSV. */
@NullMarked
package io.trinity.imports.web;

import org.jspecify.annotations.NullMarked;
