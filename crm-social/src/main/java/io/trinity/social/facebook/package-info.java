/**
 * Facebook through RestFB, pointed at a configurable Graph base URL: the brand page's feed with each post's
 * comments, reactions and shares, mapped to identities and activities.
 */
@NullMarked
package io.trinity.social.facebook;

import org.jspecify.annotations.NullMarked;
