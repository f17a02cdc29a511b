package io.trinity.scoring.relationship;

import static org.assertj.core.api.Assertions.assertThat;

import io.trinity.scoring.Factor;
import org.junit.jupiter.api.Test;

class RelationshipModelTests {

    static RelationshipInput bare() {
        return new RelationshipInput(1, 2, false, false, 0, 0, 0, 0, 0);
    }

    @Test
    void factorsAreNamedAndAddUpToTheScore() {
        RelationshipModel.Score score = RelationshipModel.score(
                new RelationshipInput(1, 6, true, true, 1, 1, 3, 0, 2), RelationshipModel.Weights.DEFAULT);
        assertThat(score.factors()).extracting(Factor::name).contains("profile completeness", "marketing consent",
                "linked social accounts", "reviews", "conversations with the brand", "check-ins");
        assertThat(score.score()).isEqualTo(15 + 10 + 5 + 7.5 + 6 + 6 + 0 + 4);
    }

    @Test
    void aFullRelationshipScoresOneHundred() {
        assertThat(RelationshipModel.score(new RelationshipInput(1, 6, true, true, 9, 99, 99, 99, 99),
                RelationshipModel.Weights.DEFAULT).score()).isEqualTo(100);
    }

    @Test
    void addingAnIdentityAConsentOrAReviewCanOnlyRaiseIt() {
        double base = RelationshipModel.score(bare(), RelationshipModel.Weights.DEFAULT).score();
        assertThat(RelationshipModel.score(new RelationshipInput(1, 2, false, false, 1, 0, 0, 0, 0),
                RelationshipModel.Weights.DEFAULT).score()).isGreaterThan(base);
        assertThat(RelationshipModel.score(new RelationshipInput(1, 2, true, false, 0, 0, 0, 0, 0),
                RelationshipModel.Weights.DEFAULT).score()).isGreaterThan(base);
        assertThat(RelationshipModel.score(new RelationshipInput(1, 2, false, false, 0, 0.5, 0, 0, 0),
                RelationshipModel.Weights.DEFAULT).score()).isGreaterThan(base);
        assertThat(RelationshipModel.score(new RelationshipInput(1, 6, true, true, 9, 99, 99, 99, 99),
                RelationshipModel.Weights.DEFAULT).score()).isLessThanOrEqualTo(100);
    }

    @Test
    void olderEventsCountLessWithAHalfLife() {
        assertThat(RelationshipModel.decay(0, 180)).isEqualTo(1);
        assertThat(RelationshipModel.decay(180, 180)).isEqualTo(0.5);
        assertThat(RelationshipModel.decay(360, 180)).isEqualTo(0.25);
    }
}
