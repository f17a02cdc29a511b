package io.trinity;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots core and scoring for the scoring module's own tests. */
@SpringBootApplication
public class ScoringTestApplication {
}
