/** Transaction value: recency, frequency and monetary amount scored in tie-aware quintiles. */
@NullMarked
package io.trinity.scoring.rfm;

import org.jspecify.annotations.NullMarked;
