package io.trinity.customer;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Facts about these customers changed in the transaction that publishes this (profile edits, new or corrected
 * orders and activities, imports), so whoever keeps figures derived from them, such as scoring's incremental
 * rescoring, revisits exactly them. Listeners run inside that transaction: a rolled-back change marks nobody.
 */
public record CustomersChanged(List<Long> customerIds) {

    public CustomersChanged {
        customerIds = customerIds.stream().filter(Objects::nonNull).distinct().sorted().toList();
    }

    public static CustomersChanged of(Collection<Long> customerIds) {
        return new CustomersChanged(List.copyOf(customerIds.stream().filter(Objects::nonNull).toList()));
    }
}
