package io.trinity.moments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MomentRulesTests {

    static MomentFacts facts(Double influence, String segment, int neg24h, int negNoCase, long toNext, long threshold,
            Integer birthday) {
        return new MomentFacts(influence, segment, neg24h, negNoCase, threshold > 0 ? "Gold" : null, toNext, threshold,
                birthday, 0);
    }

    @Test
    void anInfluencersFreshComplaintComesFirst() {
        var moments = MomentRules.evaluate(facts(85.0, "Champions", 1, 1, 0, 0, null), MomentRules.DEFAULT);
        assertThat(moments).extracting(Moment::rule).containsExactly("Influencer complaint",
                "Complaint without a case");
        assertThat(moments.get(0).priority()).isEqualTo("urgent");
        assertThat(MomentRules.evaluate(facts(69.9, null, 1, 0, 0, 0, null), MomentRules.DEFAULT)).isEmpty();
    }

    @Test
    void tierUpgradeInReachMeansAtMostAFifthOfTheThresholdMissing() {
        assertThat(MomentRules.evaluate(facts(null, null, 0, 0, 400, 2000, null), MomentRules.DEFAULT))
                .extracting(Moment::action).containsExactly("Tell them: 400 points to Gold.");
        assertThat(MomentRules.evaluate(facts(null, null, 0, 0, 401, 2000, null), MomentRules.DEFAULT)).isEmpty();
    }

    @Test
    void birthdaysAndSegmentsSuggestTheirActions() {
        assertThat(MomentRules.evaluate(facts(null, "Hidden advocates", 0, 0, 0, 0, 0), MomentRules.DEFAULT))
                .extracting(Moment::rule).containsExactly("Birthday this week", "Hidden advocate");
        assertThat(MomentRules.evaluate(facts(null, "At risk", 0, 0, 0, 0, 8), MomentRules.DEFAULT))
                .extracting(Moment::rule).containsExactly("Champion at risk");
    }

    @Test
    void daysToTheNextBirthdayWrapAroundTheYearAndLeapDays() {
        LocalDate today = LocalDate.parse("2026-12-30");
        assertThat(Moments.daysToBirthday(LocalDate.parse("1990-12-30"), today)).isZero();
        assertThat(Moments.daysToBirthday(LocalDate.parse("1990-01-02"), today)).isEqualTo(3);
        assertThat(Moments.daysToBirthday(LocalDate.parse("1992-02-29"), LocalDate.parse("2026-02-27")))
                .as("a leap-day birthday is kept on 1 March in other years").isEqualTo(2);
        assertThat(Moments.daysToBirthday(null, today)).isNull();
    }
}
