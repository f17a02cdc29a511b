/** Orders and refunds: the purchase history that transaction value (RFM) is computed from. */
@NullMarked
package io.trinity.core.order;

import org.jspecify.annotations.NullMarked;
