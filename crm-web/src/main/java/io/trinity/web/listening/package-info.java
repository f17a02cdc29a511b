/** PR listening: what people say to and about the brand across networks. */
@NullMarked
package io.trinity.web.listening;

import org.jspecify.annotations.NullMarked;
