/**
 * The Value TRInity: transaction (RFM), relationship and influence scores as plain Java functions, and the
 * set-based scoring runs that apply them to the whole customer base.
 */
@NullMarked
package io.trinity.scoring;

import org.jspecify.annotations.NullMarked;
