/** How the programme works inside: the rule engine, ingest listeners, validation and the deferred-events pass. */
@NullMarked
package io.trinity.loyalty.internal;

import org.jspecify.annotations.NullMarked;
