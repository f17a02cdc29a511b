/**
 * Orders and refunds: idempotent ingest, per-customer purchase totals kept by triggers, queries and the bulk
 * loader. Owns orders and customer_purchase_totals (a read model); publishes order_facts and OrdersStored. Lives
 * in crm-core.
 */
@ApplicationModule(displayName = "Orders")
@NullMarked
package io.trinity.order;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
