package io.trinity.loyalty;

/** A loyalty tier reached by points earned in the rolling window; {@code rank} orders tiers, 0 lowest. */
public record Tier(String code, String name, long threshold, int rank) {
}
