/** Value objects and result types that every core feature speaks: money, field errors, batch results, keyset pages. */
@NullMarked
package io.trinity.core.shared;

import org.jspecify.annotations.NullMarked;
