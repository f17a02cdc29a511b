/**
 * X (Twitter) through the API v2 with a thin typed client on the JDK's HTTP client (see docs/adr/0005): brand
 * mentions from recent search and the brand's followers, paged by tokens, rate-limit aware.
 */
@NullMarked
package io.trinity.social.x;

import org.jspecify.annotations.NullMarked;
