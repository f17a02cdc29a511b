package io.trinity.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trinity.shared.FieldError;
import io.trinity.shared.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AudienceFilterTests {

    @Test
    void parsesAndRoundTripsTheDashboardParameters() {
        AudienceFilter f = AudienceFilter.parse(Map.of("sort", "Influence", "segment", "Champions", "tier", "gold",
                "country", "no", "network", "X", "consent", "given", "minValue", "40", "maxValue", "90.5",
                "moved", "true", "q", "ols"));
        assertThat(f).isEqualTo(new AudienceFilter("influence", "Champions", "GOLD", "NO", null, "x", true, 40.0,
                90.5, true, "ols"));
        assertThat(AudienceFilter.parse(f.toParams())).isEqualTo(f);
        assertThat(AudienceFilter.parse(Map.of())).isEqualTo(AudienceFilter.ALL);
        assertThat(AudienceFilter.ALL.describe()).contains("everyone");
    }

    @Test
    void refusesBadValuesWithTheirField() {
        assertThatThrownBy(() -> AudienceFilter.parse(Map.of("sort", "loudness", "segment", "VIPs", "country",
                "Norway", "minValue", "x", "maxValue", "101", "consent", "maybe")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("sort", "segment", "country", "minValue", "maxValue", "consent"));
        assertThatThrownBy(() -> AudienceFilter.parse(Map.of("minValue", "60", "maxValue", "50")))
                .hasMessageContaining("maxValue");
    }

    @Test
    void spreadsheetFormulasInExportedCellsAreDefused() {
        assertThat(Audiences.safe("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(Audiences.safe("+1")).isEqualTo("'+1");
        assertThat(Audiences.safe("@SUM")).isEqualTo("'@SUM");
        assertThat(Audiences.safe("Åse")).isEqualTo("Åse");
        assertThat(CampaignResults.lift(0.2, 0.1)).isEqualTo(1.0);
        assertThat(CampaignResults.lift(0.2, 0)).isNull();
    }
}
