package io.trinity.scoring.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RfmTests {

    @Test
    void equalValuesGetEqualScoresAndTheFormulaHoldsExactly() {
        // n = 5; worse-counts 0, 1, 1, 3, 4 -> 1 + floor(5w/5)
        assertThat(TieAwareQuintiles.higherIsBetter(new long[] {10, 20, 20, 30, 40}))
                .containsExactly(1, 2, 2, 4, 5);
    }

    @Test
    void everyoneEqualScoresOne() {
        assertThat(TieAwareQuintiles.higherIsBetter(new long[] {7, 7, 7, 7})).containsExactly(1, 1, 1, 1);
    }

    @Test
    void aSingleCustomerScoresOne() {
        assertThat(TieAwareQuintiles.higherIsBetter(new long[] {123})).containsExactly(1);
    }

    @Test
    void noCustomersNoScores() {
        assertThat(TieAwareQuintiles.higherIsBetter(new long[0])).isEmpty();
        assertThat(Rfm.score(new long[0], new int[0], new int[0], new long[0], RfmWeights.EQUAL).values()).isEmpty();
    }

    @Test
    void fewerDaysSinceTheLastPurchaseIsBetter() {
        // days 5, 100, 5, 30: worse-counts 2, 0, 2, 1 with n = 4
        assertThat(TieAwareQuintiles.lowerIsBetter(new long[] {5, 100, 5, 30})).containsExactly(3, 1, 3, 2);
    }

    @Test
    void refundsCanMakeMonetaryZeroOrNegativeAndItStillRanks() {
        assertThat(TieAwareQuintiles.higherIsBetter(new long[] {-500, 0, 1000})).containsExactly(1, 2, 4);
    }

    @Test
    void transactionScoreAndCodeFollowThePinnedFormula() {
        Rfm.Result result = Rfm.score(new long[] {1, 2, 3, 4, 5}, new int[] {1, 10, 10, 200, 400},
                new int[] {9, 3, 3, 1, 1}, new long[] {90_000, 20_000, 30_000, 5_000, -1_000}, RfmWeights.EQUAL);
        TransactionValue best = result.values()[0];
        assertThat(best.r()).isEqualTo(5);
        assertThat(best.f()).isEqualTo(5);
        assertThat(best.m()).isEqualTo(5);
        assertThat(best.code()).isEqualTo("555");
        assertThat(best.score()).isEqualTo(100);
        // recency 10 days (tied), frequency 3 (tied), net 30,000: worse-counts 2, 2, 3 of 5
        assertThat(result.values()[2].code()).isEqualTo("334");
        assertThat(result.values()[2].score()).isCloseTo(100.0 * (2 + 2 + 3) / 12, within(1e-9));
        assertThat(result.values()[3].code()).isEqualTo("212");
        TransactionValue worst = result.values()[4];
        assertThat(worst.code()).isEqualTo("111");
        assertThat(worst.score()).isZero();
    }

    @Test
    void weightsChangeTheBalance() {
        assertThat(TransactionValue.score(5, 1, 1, new RfmWeights(1, 0, 0))).isEqualTo(100);
        assertThat(TransactionValue.score(5, 3, 4, RfmWeights.EQUAL)).isEqualTo(75);
    }

    @Test
    void placingAMemberAgainstThresholdsReproducesItsScore() {
        Random random = new Random(42);
        int n = 2_000;
        long[] ids = new long[n];
        int[] days = new int[n];
        int[] freq = new int[n];
        long[] money = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
            days[i] = random.nextInt(730);
            freq[i] = 1 + random.nextInt(random.nextBoolean() ? 3 : 20);
            money[i] = random.nextInt(50_000) - 2_000;
        }
        Rfm.Result result = Rfm.score(ids, days, freq, money, RfmWeights.EQUAL);
        for (int i = 0; i < n; i++) {
            TransactionValue placed = Rfm.place(i, days[i], freq[i], money[i], result.thresholds(), RfmWeights.EQUAL);
            assertThat(placed.code()).as("customer %d", i).isEqualTo(result.values()[i].code());
        }
    }
}
