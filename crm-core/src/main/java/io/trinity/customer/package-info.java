/**
 * Who the customer is: create, edit, find, import in bulk, resolve references from orders and activities, and the
 * notes staff keep. Owns customer, customer_merge, customer_merge_journal, customer_note and customer_audit; publishes customer_directory, CustomersStored and CustomersChanged. Lives in crm-core.
 */
@ApplicationModule(displayName = "Customers")
@NullMarked
package io.trinity.customer;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
