/** Relationship depth: how much the customer shares with the brand, as named, weighted, recency-decayed factors. */
@NullMarked
package io.trinity.scoring.relationship;

import org.jspecify.annotations.NullMarked;
