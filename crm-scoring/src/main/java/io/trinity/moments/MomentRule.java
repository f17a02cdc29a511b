package io.trinity.moments;

import java.util.function.Function;
import java.util.function.Predicate;

/** A moment of truth: when it fires (in words and as a test over the facts), and the action it suggests. */
public record MomentRule(String name, String when, String priority, Predicate<MomentFacts> fires,
        Function<MomentFacts, String> action) {
}
