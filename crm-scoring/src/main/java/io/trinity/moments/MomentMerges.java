package io.trinity.moments;

import io.trinity.customer.CustomersMerged;
import io.trinity.customer.MergeUndone;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What staff did about a customer's moments follows the customer into the survivor, and back on undo. */
@Component
class MomentMerges {

    private final JdbcClient jdbc;

    MomentMerges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CustomersMerged merge) {
        List<Long> moved = jdbc.sql("update moment_action set customer_id = ? where customer_id = ? returning id")
                .params(merge.survivorId(), merge.mergedId()).query(Long.class).list();
        merge.journal().moved("moments", "momentActions", moved);
    }

    @EventListener
    void on(MergeUndone undo) {
        List<Long> ids = undo.journal().ids("moments");
        if (!ids.isEmpty()) {
            jdbc.sql("update moment_action set customer_id = ? where id = any(?) and customer_id = ?")
                    .params(undo.mergedId(), ids.toArray(Long[]::new), undo.survivorId()).update();
        }
    }
}
