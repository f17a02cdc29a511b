/** The combined Value TRInity, marketer-named segments (rules as data), and the explanation of both. */
@NullMarked
package io.trinity.scoring.value;

import org.jspecify.annotations.NullMarked;
