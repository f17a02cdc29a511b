/**
 * The rules that link network identities to customers on exact evidence only: a declared handle (applied when the
 * network first reports the account), an e-mail, a loyalty number the customer wrote. A display name is never
 * evidence. Everything else stays unmatched for a person to link.
 */
@NullMarked
package io.trinity.social.matching;

import org.jspecify.annotations.NullMarked;
