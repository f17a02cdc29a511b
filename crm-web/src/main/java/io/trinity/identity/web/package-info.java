/** Social identities over the API: the unmatched queue, manual links, a customer's activity feed. */
@NullMarked
package io.trinity.identity.web;

import org.jspecify.annotations.NullMarked;
