package io.trinity.scoring.run;

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
}
