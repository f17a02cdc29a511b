package io.trinity.order;

import io.trinity.customer.CustomersMerged;
import io.trinity.customer.MergeUndone;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A merged customer's orders belong to the survivor (purchase totals follow through the orders trigger); an undo
 * gives back exactly the orders that moved. Runs inside the merge's transaction.
 */
@Component
class OrderMerges {

    static final String PART = "orders";

    private final JdbcClient jdbc;

    OrderMerges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CustomersMerged merge) {
        List<Long> moved = jdbc.sql("update orders set customer_id = ? where customer_id = ?"
                        + " returning id")
                .params(merge.survivorId(), merge.mergedId()).query(Long.class).list();
        merge.journal().moved(PART, "orders", moved);
    }

    @EventListener
    void on(MergeUndone undo) {
        List<Long> ids = undo.journal().ids(PART);
        if (!ids.isEmpty()) {
            jdbc.sql("update orders set customer_id = ? where id = any(?) and customer_id = ?")
                    .params(undo.mergedId(), ids.toArray(Long[]::new), undo.survivorId()).update();
        }
    }
}
