package io.trinity.shared;

/** Why one item of a batch was rejected; {@code index} is its 0-based position in the batch. */
public record ItemError(int index, String field, String message) {
}
