package io.trinity.shared;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One keyset page; {@code next} is null on the last page. No total count: it would cost a scan on every page. */
public record Page<T>(List<T> items, @Nullable String next) {
}
