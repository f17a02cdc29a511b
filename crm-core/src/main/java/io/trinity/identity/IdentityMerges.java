package io.trinity.identity;

import io.trinity.customer.CustomersMerged;
import io.trinity.customer.MergeUndone;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The merged customer's social identities are linked to the survivor (same link method); an undo links them back. */
@Component
class IdentityMerges {

    private final JdbcClient jdbc;

    IdentityMerges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CustomersMerged merge) {
        List<Long> moved = jdbc.sql("update social_identity set customer_id = ? where customer_id = ? returning id")
                .params(merge.survivorId(), merge.mergedId()).query(Long.class).list();
        merge.journal().moved("identities", "identities", moved);
    }

    @EventListener
    void on(MergeUndone undo) {
        List<Long> ids = undo.journal().ids("identities");
        if (!ids.isEmpty()) {
            jdbc.sql("update social_identity set customer_id = ? where id = any(?) and customer_id = ?")
                    .params(undo.mergedId(), ids.toArray(Long[]::new), undo.survivorId()).update();
        }
    }
}
