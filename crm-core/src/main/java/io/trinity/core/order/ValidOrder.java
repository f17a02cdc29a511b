package io.trinity.core.order;

import io.trinity.core.customer.CustomerRef;
import io.trinity.core.shared.Money;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** An order whose every field passed {@link OrderValidator}; only its customer is still to be resolved. */
public record ValidOrder(String externalId, CustomerRef customer, OffsetDateTime orderedAt, Money amount,
        Channel channel, @Nullable String storeId) {
}
