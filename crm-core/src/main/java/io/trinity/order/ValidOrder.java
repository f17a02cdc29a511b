package io.trinity.order;

import io.trinity.customer.CustomerRef;
import io.trinity.shared.Money;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** An order whose every field passed {@link OrderValidator}; only its customer is still to be resolved. */
public record ValidOrder(String externalId, CustomerRef customer, OffsetDateTime orderedAt, Money amount,
        Channel channel, @Nullable String storeId) {
}
