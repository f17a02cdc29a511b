/**
 * The Value TRInity: RFM, relationship and influence models, scoring runs and incremental rescoring, ranked
 * lists, weights and segment rules. Owns customer_value (a read model), scoring_run (a read model),
 * scoring_weights, segment_rules and customer_changed; publishes ScoringRunSucceeded; listens to
 * CustomersChanged. Lives in crm-scoring.
 */
@ApplicationModule(displayName = "Scoring")
@NullMarked
package io.trinity.scoring;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
