package io.trinity.customer;

/**
 * Two customer records were found to be one person and merged: {@code mergedId} now points at {@code survivorId}.
 * Published inside the merge's transaction; every feature that keeps rows about customers moves them to the
 * survivor in its own listener (synchronously, so the merge is all or nothing) and records what it moved in the
 * {@link MergeJournal}, which {@link MergeUndone} hands back.
 */
public record CustomersMerged(long mergeId, long survivorId, long mergedId, String actor, boolean automatic,
        MergeJournal journal) {
}
