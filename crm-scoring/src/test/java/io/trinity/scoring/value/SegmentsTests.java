package io.trinity.scoring.value;

import io.trinity.scoring.CombinedWeights;
import io.trinity.scoring.ScoreCard;
import io.trinity.scoring.SegmentRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SegmentsTests {

    static String segment(Double t, double i, int r, int f, int m, long age) {
        double combined = CombinedWeights.DEFAULT.combine(t, 30, i);
        return Segments.classify(new ScoreCard(t, 30, i, combined, r, f, m, age), Segments.DEFAULT).name();
    }

    @Test
    void theSeedsSegmentsFollowTheirRules() {
        assertThat(segment(80.0, 75, 5, 5, 5, 800)).isEqualTo("Champions");
        assertThat(segment(10.0, 90, 2, 1, 1, 800)).isEqualTo("Hidden advocates");
        assertThat(segment(null, 90, 0, 0, 0, 800)).isEqualTo("Hidden advocates");
        assertThat(segment(70.0, 10, 5, 4, 4, 800)).isEqualTo("Loyal buyers");
        assertThat(segment(50.0, 50, 2, 4, 4, 800)).isEqualTo("At risk");
        assertThat(segment(null, 5, 0, 0, 0, 800)).isEqualTo("Dormant");
        assertThat(segment(null, 5, 0, 0, 0, 10)).isEqualTo("New");
    }

    @Test
    void aMissingTransactionCountsAsZeroInTheCombinedValue() {
        assertThat(CombinedWeights.DEFAULT.combine(null, 50, 50)).isCloseTo(30, within(1e-9));
        assertThat(CombinedWeights.DEFAULT.combine(100.0, 100, 100)).isCloseTo(100, within(1e-9));
        assertThat(new CombinedWeights(1, 1, 2).combine(40.0, 20, 10)).isCloseTo(20, within(1e-9));
    }

    @Test
    void rulesReadAsMarketersWriteThem() {
        assertThat(Segments.DEFAULT.get(1).rule()).isEqualTo("transaction ≥ 60 and influence ≥ 60");
        assertThat(Segments.DEFAULT.get(Segments.DEFAULT.size() - 1).rule()).isEqualTo("everyone else");
    }

    @Test
    void rulesRoundTripThroughTheirStoredTextAndTakeNewThresholds() {
        String text = Segments.format(Segments.DEFAULT);
        org.assertj.core.api.Assertions.assertThat(Segments.parse(text)).isEqualTo(Segments.DEFAULT);
        java.util.List<java.util.List<Double>> values = new java.util.ArrayList<>();
        for (SegmentRule rule : Segments.DEFAULT) {
            values.add(rule.conditions().stream().map(c -> c.value()).collect(java.util.stream.Collectors.toList()));
        }
        values.set(1, java.util.List.of(70.0, 65.5));
        var changed = Segments.withThresholds(Segments.DEFAULT, values);
        org.assertj.core.api.Assertions.assertThat(changed.get(1).rule()).isEqualTo("transaction ≥ 70 and influence ≥ 65.5");
        org.assertj.core.api.Assertions.assertThat(changed.get(1).name()).isEqualTo("Champions");
        values.set(4, java.util.List.of(3.0, 3.0, 6.0));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Segments.withThresholds(Segments.DEFAULT, values))
                .hasMessageContaining("between 0 and 5");
    }

}
