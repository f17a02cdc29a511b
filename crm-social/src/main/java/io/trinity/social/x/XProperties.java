package io.trinity.social.x;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * X connector settings.
 *
 * @param baseUrl       scheme, host and port of the API (the client appends {@code /2/…}); tests use a local stub
 * @param mentionQuery  recent-search query for brand mentions, e.g. {@code @NorthwindOutfit OR "Northwind Outfitters"
 *                      -is:retweet}; blank skips mentions
 * @param maxRetries    attempts for a page that fails with 5xx, a timeout or a malformed body
 * @param backoff       first retry delay; doubles per attempt, with jitter
 */
@ConfigurationProperties("crm.social.x")
public record XProperties(@DefaultValue("https://api.x.com") String baseUrl, @Nullable String mentionQuery,
        @DefaultValue("5") int maxRetries, @DefaultValue("1s") Duration backoff,
        @DefaultValue("30s") Duration timeout) {
}
