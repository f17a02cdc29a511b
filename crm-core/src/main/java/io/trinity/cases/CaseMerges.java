package io.trinity.cases;

import io.trinity.customer.CustomersMerged;
import io.trinity.customer.MergeUndone;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Service cases (and with them their notes) follow the customer into the survivor, and back on undo. */
@Component
class CaseMerges {

    private final JdbcClient jdbc;

    CaseMerges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CustomersMerged merge) {
        List<Long> moved = jdbc.sql("update service_case set customer_id = ? where customer_id = ? returning id")
                .params(merge.survivorId(), merge.mergedId()).query(Long.class).list();
        merge.journal().moved("cases", "cases", moved);
    }

    @EventListener
    void on(MergeUndone undo) {
        List<Long> ids = undo.journal().ids("cases");
        if (!ids.isEmpty()) {
            jdbc.sql("update service_case set customer_id = ? where id = any(?) and customer_id = ?")
                    .params(undo.mergedId(), ids.toArray(Long[]::new), undo.survivorId()).update();
        }
    }
}
