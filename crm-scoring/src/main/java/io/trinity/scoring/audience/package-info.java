/**
 * Marketing's ranked customer lists: filters over the current Value TRInity run, saved audiences, consent-aware
 * CSV export, and campaigns measured against a holdout group.
 */
@NullMarked
package io.trinity.scoring.audience;

import org.jspecify.annotations.NullMarked;
