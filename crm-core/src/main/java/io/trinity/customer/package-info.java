/**
 * Who the customer is: create, edit, find, import in bulk, and resolve references from orders and activities.
 * Owns customer; publishes customer_directory, CustomersStored and CustomersChanged. Lives in crm-core.
 */
@ApplicationModule(displayName = "Customers")
@NullMarked
package io.trinity.customer;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
