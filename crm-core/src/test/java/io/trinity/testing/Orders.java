package io.trinity.testing;

import io.trinity.order.OrderDraft;
import java.time.Instant;

/** Test orders: {@code Orders.web("O-1", "C-1", at, "42.00")} in USD, or in a store with {@link #inStore}. */
public final class Orders {

    private Orders() {
    }

    public static OrderDraft web(String id, String customerExternalId, Instant at, String amount) {
        return new OrderDraft(id, null, customerExternalId, null, at.toString(), amount, "USD", "web", null);
    }

    public static OrderDraft inStore(String id, String customerExternalId, Instant at, String amount, String store) {
        return new OrderDraft(id, null, customerExternalId, null, at.toString(), amount, "USD", "store", store);
    }

    public static OrderDraft forCustomer(String id, long customerId, Instant at, String amount) {
        return new OrderDraft(id, customerId, null, null, at.toString(), amount, "USD", "web", null);
    }
}
