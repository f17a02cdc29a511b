/** Duplicates over the API and in the console: scans, the review queue by cluster, merge and undo. */
@NullMarked
package io.trinity.duplicates.web;

import org.jspecify.annotations.NullMarked;
