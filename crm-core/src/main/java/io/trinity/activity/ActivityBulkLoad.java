package io.trinity.activity;

import io.trinity.database.BulkLoad;
import org.springframework.stereotype.Component;

/** Loads activities at COPY speed (demo and benchmark bases); use {@link ActivityIngest} for real ones. */
@Component
public class ActivityBulkLoad extends BulkLoad {

    ActivityBulkLoad() {
        super("activity", "network, external_id, type, actor_customer_id, actor_identity_id, target_customer_id, "
                + "target_post_id, target_store_id, occurred_at, text, metrics, sentiment, engagement");
    }
}
