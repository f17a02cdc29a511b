/** Staff account administration (ADMIN only), over the API and in the console. */
@NullMarked
package io.trinity.staff.web;

import org.jspecify.annotations.NullMarked;
