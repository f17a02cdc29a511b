package io.trinity.imports;

/** Why one CSV row was refused: its physical line (header = 1), the column, and the reason. */
public record RowError(long line, String column, String message) {
}
