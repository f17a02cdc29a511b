package io.trinity.customer;

/**
 * A merge was undone: {@code mergedId} is a customer of its own again. Published inside the undo's transaction with
 * the journal each feature wrote during {@link CustomersMerged}; each feature moves back exactly the rows it moved
 * (what arrived after the merge stays with the survivor) and may refuse, which undoes nothing.
 */
public record MergeUndone(long mergeId, long survivorId, long mergedId, String actor, MergeJournal journal) {
}
