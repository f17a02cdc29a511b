package io.trinity.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The holdout is an exact share of the members, stable per campaign, different across campaigns. Plain Java. */
class HoldoutSplitTests {

    static List<Long> members(long from, int n) {
        return LongStream.range(from, from + n).boxed().toList();
    }

    static List<Long> reversed(List<Long> list) {
        List<Long> copy = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    @Test
    void smallAudiencesGetTheirExactShare() {
        assertThat(HoldoutSplit.holdout(7, members(1, 20), 20)).hasSize(4);
        assertThat(HoldoutSplit.holdout(7, members(1, 15), 10)).hasSize(2); // 1.5 rounds up
        assertThat(HoldoutSplit.holdout(7, members(1, 3), 10)).isEmpty();
        assertThat(HoldoutSplit.holdout(7, members(1, 20), 0)).isEmpty();
        assertThat(HoldoutSplit.holdout(7, List.of(), 20)).isEmpty();
    }

    @Test
    void theSameCampaignHoldsBackTheSamePeopleAndAnotherCampaignOthers() {
        List<Long> base = members(1000, 10_000);
        Set<Long> first = HoldoutSplit.holdout(11, base, 10);
        assertThat(first).hasSize(1000).isEqualTo(HoldoutSplit.holdout(11, reversed(base), 10));
        Set<Long> other = HoldoutSplit.holdout(12, base, 10);
        assertThat(other).hasSize(1000);
        long overlap = first.stream().filter(other::contains).count();
        assertThat(overlap).isBetween(50L, 160L); // about 10 % of 1,000 by chance, not the same people
        // Not the lowest ids: the hash spreads the holdout over the base.
        assertThat(first.stream().filter(m -> m < 2000).count()).isBetween(60L, 140L);
    }
}
