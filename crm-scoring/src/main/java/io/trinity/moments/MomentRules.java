package io.trinity.moments;

import java.util.List;

/** The rules behind the next-best-action panel, most urgent first; the console lists them as written here. */
public final class MomentRules {

    public static final double HIGH_INFLUENCE = 70;

    public static final List<MomentRule> DEFAULT = List.of(
            new MomentRule("Influencer complaint", "influence at least 70 and a negative post in the last 24 hours",
                    "urgent", f -> f.influence() != null && f.influence() >= HIGH_INFLUENCE && f.negativeLast24h() > 0,
                    f -> "Respond personally, today: this customer's audience is watching."),
            new MomentRule("Complaint without a case", "a negative post in the last 7 days that no case is about",
                    "high", f -> f.negativeNoCase7d() > 0,
                    f -> "Open a service case from the complaint and answer it."),
            new MomentRule("Tier upgrade in reach", "at most 20% of the next tier's points still missing",
                    "normal", f -> f.nextTier() != null && f.nextTierThreshold() > 0
                            && f.pointsToNextTier() * 5 <= f.nextTierThreshold(),
                    f -> "Tell them: " + f.pointsToNextTier() + " points to " + f.nextTier() + "."),
            new MomentRule("Birthday this week", "birthday today or in the next 7 days", "normal",
                    f -> f.daysToBirthday() != null && f.daysToBirthday() <= 7,
                    f -> f.daysToBirthday() == 0 ? "Wish them a happy birthday today."
                            : "Birthday in " + f.daysToBirthday() + " days: send wishes and the birthday offer."),
            new MomentRule("Champion at risk", "segment At risk: good past purchases, recency falling", "normal",
                    f -> "At risk".equals(f.segment()), f -> "Send a personal win-back offer."),
            new MomentRule("Hidden advocate", "segment Hidden advocates: low spend, high influence", "normal",
                    f -> "Hidden advocates".equals(f.segment()),
                    f -> "Invite them to the ambassador programme or a product preview."));

    private MomentRules() {
    }

    /** The actions that fire for these facts, most urgent first. */
    public static List<Moment> evaluate(MomentFacts facts, List<MomentRule> rules) {
        return rules.stream().filter(r -> r.fires().test(facts))
                .map(r -> new Moment(r.name(), r.action().apply(facts), r.when(), r.priority())).toList();
    }
}
