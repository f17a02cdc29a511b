package io.trinity.loyalty.internal;

import io.trinity.loyalty.Tiers;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What rules may ask about the customer behind an event: loyalty tier, perks held, value segment, influence. */
public record Member(long customerId, String tier, Set<String> perks, @Nullable String segment,
        @Nullable Double influence) {

    public static Member newcomer(long customerId) {
        return new Member(customerId, Tiers.BASE, Set.of(), null, null);
    }
}
