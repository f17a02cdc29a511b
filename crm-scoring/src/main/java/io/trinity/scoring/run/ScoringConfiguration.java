package io.trinity.scoring.run;

import io.trinity.scoring.RunInProgressException;
import io.trinity.scoring.ScoringProperties;
import io.trinity.scoring.ScoringRuns;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scoring's settings, its schedule, and reclaiming runs a previous process left behind. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScoringProperties.class)
@EnableScheduling
class ScoringConfiguration {

    @Bean
    ApplicationRunner reclaimInterruptedRuns(ScoringRuns runs) {
        return (ApplicationArguments args) -> runs.reclaimStale();
    }

    @Bean
    ScheduledScoring scheduledScoring(ScoringRuns runs) {
        return new ScheduledScoring(runs);
    }

    /** Full runs on a cron schedule ({@code crm.scoring.schedule}, e.g. {@code 0 0 3 * * *}); off by default. */
    static final class ScheduledScoring {

        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ScheduledScoring.class);

        private final ScoringRuns runs;

        ScheduledScoring(ScoringRuns runs) {
            this.runs = runs;
        }

        @org.springframework.scheduling.annotation.Scheduled(cron = "${crm.scoring.schedule:-}", zone = "UTC")
        void run() {
            try {
                runs.runNow(null, "schedule");
            } catch (RunInProgressException e) {
                log.info("Scheduled scoring skipped: run {} is still running", e.runningId());
            }
        }
    }
}
