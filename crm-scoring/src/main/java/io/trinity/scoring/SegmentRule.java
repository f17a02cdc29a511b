package io.trinity.scoring;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A named segment and the conditions that put a customer in it, all of which must hold. Rules are data (stored
 * with the scoring settings and shown to marketers as written), evaluated in order: the first match wins.
 */
public record SegmentRule(String name, String description, List<Condition> conditions) {

    public enum Metric { TRANSACTION, RELATIONSHIP, INFLUENCE, COMBINED, R, F, M, CUSTOMER_AGE_DAYS }

    public enum Op {
        LT("<"), LE("≤"), GE("≥"), GT(">");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        boolean test(double left, double right) {
            return switch (this) {
                case LT -> left < right;
                case LE -> left <= right;
                case GE -> left >= right;
                case GT -> left > right;
            };
        }
    }

    public record Condition(Metric metric, Op op, double value) {

        boolean test(ScoreCard card) {
            return op.test(card.metric(metric), value);
        }

        @Override
        public String toString() {
            String number = value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
            return metric.name().toLowerCase().replace('_', ' ') + " " + op.symbol + " " + number;
        }
    }

    public boolean matches(ScoreCard card) {
        return conditions.stream().allMatch(c -> c.test(card));
    }

    /** The rule as a marketer reads it, e.g. "transaction ≥ 60 and influence ≥ 60". */
    public String rule() {
        return conditions.isEmpty() ? "everyone else"
                : conditions.stream().map(Condition::toString).collect(Collectors.joining(" and "));
    }
}
