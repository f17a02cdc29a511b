package io.trinity.order;

import io.trinity.database.BulkLoad;
import org.springframework.stereotype.Component;

/**
 * Loads orders at COPY speed (demo and benchmark bases). The purchase-totals triggers run on the COPY too, so the
 * totals stay exact. Nothing is evaluated by loyalty or published: use {@link OrderIngest} for real orders.
 */
@Component
public class OrderBulkLoad extends BulkLoad {

    OrderBulkLoad() {
        super("orders", "external_id, customer_id, ordered_at, amount_minor, currency, channel, store_id");
    }
}
