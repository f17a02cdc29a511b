package io.trinity.activity;

import io.trinity.customer.CustomersChanged;
import io.trinity.identity.IdentityLinked;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When an identity becomes a customer's, the activities it had before (a comment made while nobody knew who wrote
 * it) become the customer's too, in the same transaction as the link.
 */
@Component
class ActivityAttribution {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ActivityAttribution(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @EventListener
    void identityLinked(IdentityLinked linked) {
        int attributed = jdbc.sql("update activity set actor_customer_id = ?, updated_at = now()"
                        + " where actor_identity_id = ? and actor_customer_id is null")
                .params(linked.customerId(), linked.identityId()).update();
        if (attributed > 0) {
            events.publishEvent(CustomersChanged.of(List.of(linked.customerId())));
        }
    }
}
