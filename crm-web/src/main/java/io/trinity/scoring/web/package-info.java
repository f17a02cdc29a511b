/** The Value TRInity over the API and in the console: runs, a customer's explained value, ranked customers. */
@NullMarked
package io.trinity.scoring.web;

import org.jspecify.annotations.NullMarked;
