/**
 * Social identities: a customer's accounts on Facebook, X, Foursquare and others, linked to the customer only on
 * exact evidence (declared, same e-mail, same handle, loyalty number) or by a person.
 */
@NullMarked
package io.trinity.core.identity;

import org.jspecify.annotations.NullMarked;
