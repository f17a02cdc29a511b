package io.trinity.store;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A physical store; its id (e.g. ST-SEA) is the code orders and check-ins carry. */
public record Store(String id, String name, @Nullable String city, @Nullable String country,
        @Nullable BigDecimal latitude, @Nullable BigDecimal longitude) {
}
