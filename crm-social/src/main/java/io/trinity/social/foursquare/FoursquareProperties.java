package io.trinity.social.foursquare;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Foursquare connector settings.
 *
 * @param baseUrl scheme, host and port of the API; the client appends {@code /v2/…}
 * @param version the {@code v} date parameter Foursquare's v2 API expects
 */
@ConfigurationProperties("crm.social.foursquare")
public record FoursquareProperties(@DefaultValue("https://api.foursquare.com") String baseUrl,
        @DefaultValue("20261124") String version) {
}
