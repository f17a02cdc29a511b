package io.trinity.shared;

import java.util.List;

/**
 * What an idempotent batch did: each accepted item is exactly one of created, updated or unchanged, so re-sending
 * a batch moves everything into {@code unchanged}; rejected items are listed with their reasons.
 */
public record BatchResult(int created, int updated, int unchanged, int rejected, List<ItemError> errors) {

    public BatchResult {
        errors = List.copyOf(errors);
    }

    public int accepted() {
        return created + updated + unchanged;
    }
}
