/** Headline figures of the customer base, estimated cheaply enough to show on every visit. */
@NullMarked
package io.trinity.core.overview;

import org.jspecify.annotations.NullMarked;
