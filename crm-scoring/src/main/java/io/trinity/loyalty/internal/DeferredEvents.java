package io.trinity.loyalty.internal;

import io.trinity.activity.ActivitiesStored;
import io.trinity.activity.ActivityType;
import io.trinity.order.OrdersStored;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands loyalty the purchases and activities that arrived dated ahead (up to the day ingest allows) once their time
 * has come, with the rules in force then. The engine is idempotent per source event, so a pass that sees an event
 * twice changes nothing.
 */
@Component
public class DeferredEvents {

    /** How far back a pass looks; wider than ingest's look-ahead and the pass interval together. */
    static final Duration LOOK_BACK = Duration.ofDays(2);

    private final JdbcClient jdbc;
    private final LoyaltyIngest ingest;
    private final Clock clock;

    DeferredEvents(JdbcClient jdbc, LoyaltyIngest ingest, Clock clock) {
        this.jdbc = jdbc;
        this.ingest = ingest;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${crm.loyalty.deferred-delay:60s}", initialDelayString = "30s")
    @Transactional
    public void handInDue() {
        Instant now = clock.instant();
        Timestamp to = Timestamp.from(now);
        Timestamp from = Timestamp.from(now.minus(LOOK_BACK));
        List<OrdersStored.Stored> purchases = jdbc.sql("""
                        select o.id, o.external_id, o.customer_id, o.ordered_at, o.amount_minor, o.currency, o.channel,
                               o.store_id
                        from order_facts o
                        where o.created_at < o.ordered_at and o.ordered_at > ? and o.ordered_at <= ?
                          and o.amount_minor > 0
                          and not exists (select 1 from loyalty_event e where e.source_key = 'order:' || o.external_id)
                        order by o.ordered_at, o.id""")
                .params(from, to)
                .query((rs, n) -> new OrdersStored.Stored(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant(), rs.getLong(5), rs.getString(6), rs.getString(7),
                        rs.getString(8)))
                .list();
        if (!purchases.isEmpty()) {
            ingest.purchases(purchases);
        }
        List<ActivitiesStored.Stored> activities = jdbc.sql("""
                        select a.network, a.external_id, a.type, a.actor_customer_id, a.target_store_id, a.occurred_at,
                               a.text
                        from activity_facts a
                        where a.created_at < a.occurred_at and a.occurred_at > ? and a.occurred_at <= ?
                          and a.actor_customer_id is not null
                          and not exists (select 1 from loyalty_event e
                                          where e.source_key = 'activity:' || a.network || ':' || a.external_id)
                        order by a.occurred_at, a.id""")
                .params(from, to)
                .query((rs, n) -> new ActivitiesStored.Stored(rs.getString(1), rs.getString(2),
                        ActivityType.valueOf(rs.getString(3)), rs.getLong(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant(), rs.getString(7)))
                .list();
        if (!activities.isEmpty()) {
            ingest.activities(new ActivitiesStored(activities));
        }
    }
}
