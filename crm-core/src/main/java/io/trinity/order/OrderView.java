package io.trinity.order;

import io.trinity.shared.Money;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One order as a profile lists it. */
public record OrderView(long id, String externalId, long customerId, Instant orderedAt, Money amount, String channel,
        @Nullable String storeId) {

    public boolean isRefund() {
        return amount.minor() < 0;
    }
}
