/** The service desk: cases opened from a mention or by hand, and the moments-of-truth rules. */
@NullMarked
package io.trinity.web.service;

import org.jspecify.annotations.NullMarked;
