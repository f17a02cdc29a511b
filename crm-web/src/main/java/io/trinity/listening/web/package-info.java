/** PR listening: what people say to and about the brand across networks. */
@NullMarked
package io.trinity.listening.web;

import org.jspecify.annotations.NullMarked;
