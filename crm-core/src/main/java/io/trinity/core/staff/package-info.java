/** Staff accounts and their roles: the marketers, PR people, agents, admins and API clients who use Trinity. */
@NullMarked
package io.trinity.core.staff;

import org.jspecify.annotations.NullMarked;
