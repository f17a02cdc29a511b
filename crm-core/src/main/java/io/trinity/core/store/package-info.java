/** The brand's physical stores, where check-ins and store orders happen. */
@NullMarked
package io.trinity.core.store;

import org.jspecify.annotations.NullMarked;
