package io.trinity.social.connection;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The credentials cipher, keyed from configuration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SocialProperties.class)
@org.springframework.scheduling.annotation.EnableScheduling
class ConnectionConfiguration {

    @Bean
    CredentialCipher credentialCipher(SocialProperties properties) {
        return CredentialCipher.from(properties);
    }
}
