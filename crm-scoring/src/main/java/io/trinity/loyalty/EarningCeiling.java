package io.trinity.loyalty;

import io.trinity.loyalty.internal.Award;
import java.util.ArrayList;
import java.util.List;

/**
 * The most points one event, and one customer in one UTC day, may earn, whatever the rules say: a mistyped order of
 * 999,999,999,999.99 USD, or a rule that stacks with another, cannot mint a fortune. Awards are kept in the order
 * the rules gave them and the one that crosses a ceiling is cut to what is left; perks and rewards are not points
 * and pass. Plain Java.
 */
public record EarningCeiling(long perEvent, long perDay) {

    public static final EarningCeiling DEFAULT = new EarningCeiling(10_000, 25_000);

    public EarningCeiling {
        if (perEvent <= 0 || perDay <= 0) {
            throw new IllegalArgumentException("ceilings must be positive");
        }
    }

    /**
     * The awards of one event, capped by the per-event ceiling and by what is left of the customer's day after
     * {@code earnedToday} points.
     */
    public List<Award> apply(List<Award> eventAwards, long earnedToday) {
        long left = Math.min(perEvent, Math.max(0, perDay - earnedToday));
        List<Award> kept = new ArrayList<>(eventAwards.size());
        for (Award a : eventAwards) {
            if (a.points() <= 0) {
                kept.add(a);
                continue;
            }
            long points = Math.min(a.points(), left);
            left -= points;
            if (points > 0 || a.perk() != null || a.rewardId() != null) {
                kept.add(new Award(a.ruleId(), a.ruleVersion(), a.ruleName(), a.customerId(), a.sourceKey(),
                        a.occurredAt(), points, a.perk(), a.rewardId()));
            }
        }
        return kept;
    }
}
