package io.trinity.shared;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Bookkeeping for one idempotent batch: which items were rejected and why, and the counts of what the accepted
 * ones did. An item is rejected at most once however many reasons it has.
 */
public final class BatchCollector {

    private final List<ItemError> errors = new ArrayList<>();
    private final Set<Integer> rejected = new HashSet<>();
    private int created;
    private int updated;
    private int unchanged;

    public void reject(int index, String field, String message) {
        errors.add(new ItemError(index, field, message));
        rejected.add(index);
    }

    public void reject(int index, List<FieldError> fieldErrors) {
        fieldErrors.forEach(e -> reject(index, e.field(), e.message()));
    }

    public boolean isRejected(int index) {
        return rejected.contains(index);
    }

    /** Records what the accepted items did. */
    public void count(int created, int updated, int unchanged) {
        this.created += created;
        this.updated += updated;
        this.unchanged += unchanged;
    }

    /** An independent copy, so a transaction that is run again starts from the same bookkeeping. */
    public BatchCollector copy() {
        BatchCollector copy = new BatchCollector();
        copy.errors.addAll(errors);
        copy.rejected.addAll(rejected);
        copy.created = created;
        copy.updated = updated;
        copy.unchanged = unchanged;
        return copy;
    }

    public BatchResult result() {
        List<ItemError> sorted = new ArrayList<>(errors);
        sorted.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return new BatchResult(created, updated, unchanged, rejected.size(), sorted);
    }
}
