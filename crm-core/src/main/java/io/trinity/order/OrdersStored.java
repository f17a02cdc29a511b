package io.trinity.order;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Published inside the ingest transaction with the orders that a batch newly stored (re-sent, unchanged or
 * updated orders are not in it), so that loyalty can award or reverse points atomically with the orders.
 */
public record OrdersStored(List<Stored> orders) {

    /** One newly stored order; a negative amount is a refund. */
    public record Stored(long id, String externalId, long customerId, Instant orderedAt, long amountMinor,
            String currency, String channel, @Nullable String storeId) {
    }
}
