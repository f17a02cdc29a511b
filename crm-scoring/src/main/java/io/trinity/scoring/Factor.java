package io.trinity.scoring;

/** One named contribution to a score, so every number on a profile can be explained. */
public record Factor(String name, double points) {
}
