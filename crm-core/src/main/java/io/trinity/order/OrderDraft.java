package io.trinity.order;

import org.jspecify.annotations.Nullable;

/**
 * An order as received, not yet trusted. The customer is named by exactly one of {@code customerId},
 * {@code customerExternalId} or {@code email}. A negative amount is a refund.
 */
public record OrderDraft(
        @Nullable String externalId,
        @Nullable Long customerId,
        @Nullable String customerExternalId,
        @Nullable String email,
        @Nullable String orderedAt,
        @Nullable String amount,
        @Nullable String currency,
        @Nullable String channel,
        @Nullable String storeId) {
}
