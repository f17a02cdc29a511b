/** Activities: what customers and social identities did on a network (posts, shares, check-ins, reviews…). */
@NullMarked
package io.trinity.core.activity;

import org.jspecify.annotations.NullMarked;
