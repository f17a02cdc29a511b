/** Foursquare-style check-ins of a venue group, matched to stores (venue storeId) and customers (exact contact). */
@NullMarked
package io.trinity.social.foursquare;

import org.jspecify.annotations.NullMarked;
