/**
 * Moments of truth: the next-best-action panel on the customer page, driven by rules kept as data that a manager
 * can read (name, when it fires, what to do), evaluated in plain Java over a customer's facts.
 */
@NullMarked
package io.trinity.scoring.moments;

import org.jspecify.annotations.NullMarked;
