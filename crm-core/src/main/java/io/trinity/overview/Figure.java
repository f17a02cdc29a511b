package io.trinity.overview;

/** A labelled count; {@code display} is what a person reads ("12,345", "about 1.2 M", "100,000+"). */
public record Figure(String label, long value, String display) {
}
