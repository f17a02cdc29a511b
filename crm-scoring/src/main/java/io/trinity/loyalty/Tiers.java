package io.trinity.loyalty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The tier ladder. A member's tier is the highest whose threshold the points <em>earned</em> in the window reach
 * (earnings net of reversals; redemptions and expiry do not count), so spending points never demotes.
 */
public final class Tiers {

    public static final String BASE = "BASE";

    private final List<Tier> ladder;

    public Tiers(List<Tier> tiers) {
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("at least one tier is needed");
        }
        List<Tier> sorted = new ArrayList<>(tiers);
        sorted.sort(Comparator.comparingInt(Tier::rank));
        if (sorted.get(0).threshold() != 0) {
            throw new IllegalArgumentException("the lowest tier must start at 0 points");
        }
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).threshold() <= sorted.get(i - 1).threshold()) {
                throw new IllegalArgumentException("tier " + sorted.get(i).name() + " must need more points than "
                        + sorted.get(i - 1).name());
            }
        }
        this.ladder = List.copyOf(sorted);
    }

    public List<Tier> all() {
        return ladder;
    }

    public Tier lowest() {
        return ladder.get(0);
    }

    public Tier tierFor(long earnedInWindow) {
        Tier result = ladder.get(0);
        for (Tier tier : ladder) {
            if (earnedInWindow >= tier.threshold()) {
                result = tier;
            }
        }
        return result;
    }

    /** The next tier up and the points still missing to reach it, if there is one. */
    public Optional<Tier> next(String code) {
        int rank = rank(code);
        return ladder.stream().filter(t -> t.rank() > rank).findFirst();
    }

    /** Rank of a tier code; an unknown code ranks below every tier. */
    public int rank(String code) {
        return ladder.stream().filter(t -> t.code().equals(code)).mapToInt(Tier::rank).findFirst().orElse(-1);
    }

    public Optional<Tier> find(String code) {
        return ladder.stream().filter(t -> t.code().equals(code)).findFirst();
    }
}
