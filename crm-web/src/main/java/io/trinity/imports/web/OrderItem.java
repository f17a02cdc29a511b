package io.trinity.imports.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trinity.order.OrderDraft;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One order of a batch; {@code amount} is a decimal in major units, as a JSON number or string. It is handed on in
 * its compact written form ({@code 1E+1000000} stays ten characters), never expanded to plain digits.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
record OrderItem(
        @Nullable String externalId,
        @Nullable Long customerId,
        @Nullable String customerExternalId,
        @Nullable String email,
        @Nullable String orderedAt,
        @Nullable BigDecimal amount,
        @Nullable String currency,
        @Nullable String channel,
        @Nullable String storeId) {

    OrderDraft draft() {
        return new OrderDraft(externalId, customerId, customerExternalId, email, orderedAt,
                amount == null ? null : amount.toString(), currency, channel, storeId);
    }
}
