/** The activity feature's API. */
@NullMarked
package io.trinity.activity.web;

import org.jspecify.annotations.NullMarked;
