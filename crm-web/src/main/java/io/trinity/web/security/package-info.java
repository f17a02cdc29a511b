/**
 * Who may do what: form login for the console, stateless HTTP Basic for the API, roles from the database, and the
 * first accounts of a new installation.
 */
@NullMarked
package io.trinity.web.security;

import org.jspecify.annotations.NullMarked;
