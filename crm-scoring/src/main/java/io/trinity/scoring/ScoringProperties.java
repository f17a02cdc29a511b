package io.trinity.scoring;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import io.trinity.scoring.rfm.RfmWeights;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Parameters of the Value TRInity.
 *
 * @param windowDays       purchases counted: {@code asOf − windowDays < order date ≤ asOf}
 * @param baseCurrency     currency monetary value is expressed in
 * @param rates            value of one unit of each other currency in the base currency; orders in a currency
 *                         without a rate are left out and counted in the run report
 * @param halfLifeDays     relationship events lose half their weight after this many days
 * @param postsWindowDays  publishing activity is measured over this many recent days
 * @param rfmWeights       weights of R, F and M in the transaction score (recency, frequency, monetary)
 * @param edgeWeights      weight of each activity type as an edge of the influence graph
 * @param incrementalBatch customers rescored per incremental refresh
 * @param incrementalDelay pause between incremental refreshes
 * @param keepRuns         snapshots kept: after a run succeeds, the snapshots of all but the newest this many
 *                         succeeded runs are dropped (their run records and reports stay); at least 2
 */
@ConfigurationProperties("crm.scoring")
public record ScoringProperties(
        @DefaultValue("730") int windowDays,
        @DefaultValue("USD") String baseCurrency,
        @Nullable Map<String, BigDecimal> rates,
        @DefaultValue("180") double halfLifeDays,
        @DefaultValue("90") int postsWindowDays,
        @Nullable RfmWeights rfmWeights,
        @Nullable Map<String, Double> edgeWeights,
        @DefaultValue("5000") int incrementalBatch,
        @DefaultValue("5s") Duration incrementalDelay,
        @DefaultValue("90") int keepRuns) {

    /** Illustrative rates to the default base currency, USD; set {@code crm.scoring.rates.*} to your own. */
    public static final Map<String, BigDecimal> DEFAULT_RATES = Map.of("EUR", new BigDecimal("1.08"),
            "NOK", new BigDecimal("0.093"), "SEK", new BigDecimal("0.095"), "DKK", new BigDecimal("0.145"),
            "GBP", new BigDecimal("1.27"), "CAD", new BigDecimal("0.73"), "JPY", new BigDecimal("0.0067"));
    public static final Map<String, Double> DEFAULT_EDGE_WEIGHTS = Map.of("FOLLOW", 1.0, "COMMENT", 1.0,
            "SHARE", 1.0, "MENTION", 1.0);

    public ScoringProperties {
        rates = rates == null || rates.isEmpty() ? DEFAULT_RATES : Map.copyOf(rates);
        rfmWeights = rfmWeights == null ? RfmWeights.EQUAL : rfmWeights;
        edgeWeights = edgeWeights == null || edgeWeights.isEmpty() ? DEFAULT_EDGE_WEIGHTS : Map.copyOf(edgeWeights);
        if (windowDays < 1 || halfLifeDays <= 0 || postsWindowDays < 1 || incrementalBatch < 1) {
            throw new IllegalArgumentException("crm.scoring: window, half-life, posts window and batch must be > 0");
        }
        if (keepRuns < 2) {
            throw new IllegalArgumentException("crm.scoring.keep-runs must be at least 2 (movements compare two runs)");
        }
    }

    public static ScoringProperties defaults() {
        return new ScoringProperties(730, "USD", null, 180, 90, null, null, 5000, Duration.ofSeconds(5), 90);
    }
}
