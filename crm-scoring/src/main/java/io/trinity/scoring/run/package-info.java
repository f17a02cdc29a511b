/**
 * Scoring runs: read the signals of the whole base with a few set-based queries, score them with the plain-Java
 * models, write one snapshot row per customer with COPY, and keep the latest snapshot fresh incrementally.
 */
@NullMarked
package io.trinity.scoring.run;

import org.jspecify.annotations.NullMarked;
