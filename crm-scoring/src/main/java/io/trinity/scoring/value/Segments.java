package io.trinity.scoring.value;

import io.trinity.scoring.ScoreCard;
import io.trinity.scoring.SegmentRule;
import io.trinity.scoring.SegmentRule.Condition;
import io.trinity.scoring.SegmentRule.Metric;
import io.trinity.scoring.SegmentRule.Op;
import java.util.List;

/** The default segment rules and their evaluation (first match wins; the last rule matches everyone). */
public final class Segments {

    public static final List<SegmentRule> DEFAULT = List.of(
            new SegmentRule("New", "Joined in the last 90 days",
                    List.of(new Condition(Metric.CUSTOMER_AGE_DAYS, Op.LT, 90))),
            new SegmentRule("Champions", "Buy a lot and carry the brand to their audience",
                    List.of(new Condition(Metric.TRANSACTION, Op.GE, 60), new Condition(Metric.INFLUENCE, Op.GE, 60))),
            new SegmentRule("Hidden advocates", "Modest buyers with a large, responsive audience",
                    List.of(new Condition(Metric.TRANSACTION, Op.LT, 40), new Condition(Metric.INFLUENCE, Op.GE, 60))),
            new SegmentRule("Loyal buyers", "Strong purchase record, little social reach",
                    List.of(new Condition(Metric.TRANSACTION, Op.GE, 60), new Condition(Metric.INFLUENCE, Op.LT, 40))),
            new SegmentRule("At risk", "Bought often and much, but not recently",
                    List.of(new Condition(Metric.F, Op.GE, 3), new Condition(Metric.M, Op.GE, 3),
                            new Condition(Metric.R, Op.LE, 2))),
            new SegmentRule("Promising", "Good recent signals worth nurturing",
                    List.of(new Condition(Metric.COMBINED, Op.GE, 40))),
            new SegmentRule("Dormant", "No purchase in the window, or the oldest last purchase",
                    List.of(new Condition(Metric.R, Op.LE, 1))),
            new SegmentRule("Others", "Everyone else", List.of()));

    private Segments() {
    }

    /**
     * Writes rules as text, one a line: {@code name<TAB>description<TAB>METRIC OP value;METRIC OP value}. This is
     * how a version is stored, and {@link #parse} reads it back exactly.
     */
    public static String format(List<SegmentRule> rules) {
        StringBuilder out = new StringBuilder();
        for (SegmentRule rule : rules) {
            out.append(rule.name()).append('\t').append(rule.description()).append('\t');
            for (int i = 0; i < rule.conditions().size(); i++) {
                Condition c = rule.conditions().get(i);
                out.append(i == 0 ? "" : ";").append(c.metric().name()).append(' ').append(c.op().name()).append(' ')
                        .append(c.value());
            }
            out.append('\n');
        }
        return out.toString();
    }

    public static List<SegmentRule> parse(String text) {
        List<SegmentRule> rules = new java.util.ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\t", -1);
            List<Condition> conditions = new java.util.ArrayList<>();
            if (parts.length > 2 && !parts[2].isBlank()) {
                for (String c : parts[2].split(";")) {
                    String[] words = c.trim().split(" ");
                    conditions.add(new Condition(Metric.valueOf(words[0]), Op.valueOf(words[1]),
                            Double.parseDouble(words[2])));
                }
            }
            rules.add(new SegmentRule(parts[0], parts[1], List.copyOf(conditions)));
        }
        return List.copyOf(rules);
    }

    /**
     * The same rules with new thresholds: {@code values.get(i).get(k)} replaces the value of rule i's condition
     * k. Names, metrics and comparisons stay as they are. Scores and the combined value run 0–100, R/F/M 1–5.
     */
    public static List<SegmentRule> withThresholds(List<SegmentRule> rules, List<List<Double>> values) {
        if (values.size() != rules.size()) {
            throw new IllegalArgumentException("one list of thresholds per segment rule is needed");
        }
        List<SegmentRule> out = new java.util.ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            SegmentRule rule = rules.get(i);
            List<Double> v = values.get(i);
            if (v.size() != rule.conditions().size()) {
                throw new IllegalArgumentException(rule.name() + ": one threshold per condition is needed");
            }
            List<Condition> conditions = new java.util.ArrayList<>();
            for (int k = 0; k < v.size(); k++) {
                Condition c = rule.conditions().get(k);
                double value = v.get(k);
                double max = switch (c.metric()) {
                    case R, F, M -> 5;
                    case CUSTOMER_AGE_DAYS -> 36_500;
                    default -> 100;
                };
                if (!(value >= 0 && value <= max)) {
                    throw new IllegalArgumentException(rule.name() + ": " + c.metric().name().toLowerCase()
                            .replace('_', ' ') + " threshold must be between 0 and " + (long) max);
                }
                conditions.add(new Condition(c.metric(), c.op(), value));
            }
            out.add(new SegmentRule(rule.name(), rule.description(), List.copyOf(conditions)));
        }
        return List.copyOf(out);
    }

    public static SegmentRule classify(ScoreCard card, List<SegmentRule> rules) {
        for (SegmentRule rule : rules) {
            if (rule.matches(card)) {
                return rule;
            }
        }
        return rules.get(rules.size() - 1);
    }
}
