package io.trinity.identity;

import io.trinity.database.BulkLoad;
import org.springframework.stereotype.Component;

/** Loads social identities at COPY speed (demo and benchmark bases); ids are given by the caller. */
@Component
public class IdentityBulkLoad extends BulkLoad {

    IdentityBulkLoad() {
        super("social_identity", "id, network, network_user_id, handle, display_name, profile_url, follower_count, "
                + "customer_id, link_method, linked_at, created_at, updated_at");
    }
}
