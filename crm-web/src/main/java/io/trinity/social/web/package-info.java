/** Social connections (ADMIN) and the signed in-store check-in webhook, over the API. */
@NullMarked
package io.trinity.social.web;

import org.jspecify.annotations.NullMarked;
