package io.trinity.social.facebook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Facebook connector settings.
 *
 * @param baseUrl      scheme, host and port of the Graph API; the client appends {@code /<graphVersion>/…}
 * @param graphVersion the Graph API version in the path
 * @param pageSize     posts per feed page
 * @param maxRetries   attempts for a page that fails with a network error, a transient Graph error or a malformed
 *                     body
 * @param backoff      first retry delay; doubles per attempt, with jitter
 */
@ConfigurationProperties("crm.social.facebook")
public record FacebookProperties(@DefaultValue("https://graph.facebook.com") String baseUrl,
        @DefaultValue("v25.0") String graphVersion, @DefaultValue("25") int pageSize,
        @DefaultValue("3") int maxRetries, @DefaultValue("1s") Duration backoff) {
}
