package io.trinity.duplicates.internal;

import io.trinity.duplicates.DuplicateSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DuplicateSettings.class)
class DuplicatesConfiguration {
}
