package io.trinity.customer;

import java.util.List;

/** Published when customers were created or their profile changed, with their ids. */
public record CustomersStored(List<Long> customerIds) {
}
