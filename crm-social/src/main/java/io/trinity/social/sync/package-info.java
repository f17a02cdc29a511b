/** Sync runs of social connections: the port connectors implement, the sync log, on-demand and resumable runs. */
@NullMarked
package io.trinity.social.sync;

import org.jspecify.annotations.NullMarked;
