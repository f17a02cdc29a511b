package io.trinity.scoring.value;

import io.trinity.scoring.value.SegmentRule.Condition;
import io.trinity.scoring.value.SegmentRule.Metric;
import io.trinity.scoring.value.SegmentRule.Op;
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

    public static SegmentRule classify(ScoreCard card, List<SegmentRule> rules) {
        for (SegmentRule rule : rules) {
            if (rule.matches(card)) {
                return rule;
            }
        }
        return rules.get(rules.size() - 1);
    }
}
