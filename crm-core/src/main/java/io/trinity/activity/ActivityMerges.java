package io.trinity.activity;

import io.trinity.customer.CustomersMerged;
import io.trinity.customer.MergeUndone;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a merged customer did and what was done to them (replies, mentions, follows) becomes the survivor's; an
 * undo gives back exactly those rows. Conversation state and sentiment travel with the activity.
 */
@Component
class ActivityMerges {

    private final JdbcClient jdbc;

    ActivityMerges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CustomersMerged merge) {
        List<Long> acted = jdbc.sql("update activity set actor_customer_id = ? where actor_customer_id = ? returning id")
                .params(merge.survivorId(), merge.mergedId()).query(Long.class).list();
        List<Long> targeted = jdbc.sql(
                        "update activity set target_customer_id = ? where target_customer_id = ? returning id")
                .params(merge.survivorId(), merge.mergedId()).query(Long.class).list();
        merge.journal().moved("activity.actor", "activities", acted);
        merge.journal().moved("activity.target", "activitiesAbout", targeted);
    }

    @EventListener
    void on(MergeUndone undo) {
        List<Long> acted = undo.journal().ids("activity.actor");
        if (!acted.isEmpty()) {
            jdbc.sql("update activity set actor_customer_id = ? where id = any(?) and actor_customer_id = ?")
                    .params(undo.mergedId(), acted.toArray(Long[]::new), undo.survivorId()).update();
        }
        List<Long> targeted = undo.journal().ids("activity.target");
        if (!targeted.isEmpty()) {
            jdbc.sql("update activity set target_customer_id = ? where id = any(?) and target_customer_id = ?")
                    .params(undo.mergedId(), targeted.toArray(Long[]::new), undo.survivorId()).update();
        }
    }
}
