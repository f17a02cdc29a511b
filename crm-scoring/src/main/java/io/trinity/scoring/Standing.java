package io.trinity.scoring;

/** What the current run says of one customer that other features may act on: the segment and influence score. */
public record Standing(String segment, double influence) {
}
