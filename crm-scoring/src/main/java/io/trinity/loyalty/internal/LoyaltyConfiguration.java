package io.trinity.loyalty.internal;

import io.trinity.loyalty.LoyaltyProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Binds {@code crm.loyalty.*} and runs the daily pass on its schedule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoyaltyProperties.class)
@EnableScheduling
class LoyaltyConfiguration {
}
