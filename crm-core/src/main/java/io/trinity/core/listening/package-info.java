/** The PR listening inbox: what was said about the brand, with what PR did about it (handled, assigned). */
@NullMarked
package io.trinity.core.listening;

import org.jspecify.annotations.NullMarked;
