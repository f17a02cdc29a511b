package io.trinity.shared;

/** One reason an input was refused, naming the field (API) or column (CSV) it concerns. */
public record FieldError(String field, String message) {
}
