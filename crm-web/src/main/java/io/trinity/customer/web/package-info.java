/** Customers over the API and in the console: the list with search and keyset paging, and the customer page. */
@NullMarked
package io.trinity.customer.web;

import org.jspecify.annotations.NullMarked;
