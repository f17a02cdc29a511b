/**
 * The default database: an embedded PostgreSQL that the application starts itself, so a newcomer needs only a JDK.
 * It steps aside as soon as {@code spring.datasource.url} is configured.
 */
@NullMarked
package io.trinity.core.database;

import org.jspecify.annotations.NullMarked;
