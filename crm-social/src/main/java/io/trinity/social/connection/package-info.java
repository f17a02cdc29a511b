/** Admin-configured connections to social networks, with credentials encrypted at rest and never shown back. */
@NullMarked
package io.trinity.social.connection;

import org.jspecify.annotations.NullMarked;
