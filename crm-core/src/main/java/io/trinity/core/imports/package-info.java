/**
 * CSV imports of customers and orders: streamed row by row, validated per row, committed in chunks, idempotent by
 * external id, with a report that names the line and column of every refused row.
 */
@NullMarked
package io.trinity.core.imports;

import org.jspecify.annotations.NullMarked;
