package io.trinity.social.x;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A thin client for the X API v2: GETs a path with a bearer token, retries transient failures (5xx, timeouts,
 * truncated bodies) with bounded exponential backoff and jitter, and turns 401/429 into {@link XApiException}s the
 * sync can act on. The token is sent only in the Authorization header and never logged.
 */
@Component
public class XClient {

    private final XProperties properties;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    XClient(XProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    /** One successful page: its JSON and how much of the rate limit is left. */
    public record Page(JsonNode body, int remaining, @Nullable Instant resetAt) {
    }

    public Page get(String path, Map<String, String> query, String bearerToken) {
        String url = properties.baseUrl().replaceAll("/+$", "") + path + (query.isEmpty() ? "" : "?"
                + query.entrySet().stream().filter(e -> e.getValue() != null)
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")));
        XApiException last = null;
        for (int attempt = 0; attempt < Math.max(1, properties.maxRetries()); attempt++) {
            if (attempt > 0) {
                sleep(attempt);
            }
            try {
                return once(url, bearerToken);
            } catch (XApiException e) {
                if (e.kind() != XApiException.Kind.TRANSIENT) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    private Page once(String url, String bearerToken) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(properties.timeout())
                    .header("Authorization", "Bearer " + bearerToken).header("Accept", "application/json").GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new XApiException(XApiException.Kind.TRANSIENT, "X did not answer: " + e.getMessage(), null,
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XApiException(XApiException.Kind.TRANSIENT, "interrupted", null, null);
        }
        int status = response.statusCode();
        Instant reset = response.headers().firstValue("x-rate-limit-reset").flatMap(XClient::epoch).orElse(null);
        int remaining = response.headers().firstValue("x-rate-limit-remaining").map(XClient::integer).orElse(-1);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (status == 429) {
            boolean capped = body.contains("/problems/usage-capped");
            throw new XApiException(capped ? XApiException.Kind.USAGE_CAPPED : XApiException.Kind.RATE_LIMITED,
                    capped ? "the monthly usage cap is spent" : "rate limit reached", reset, null);
        }
        if (status == 401) {
            throw new XApiException(XApiException.Kind.UNAUTHORIZED, "the bearer token was refused", null, null);
        }
        if (status >= 500) {
            throw new XApiException(XApiException.Kind.TRANSIENT, "X answered " + status, null, snippet(body));
        }
        if (status >= 400) {
            throw new XApiException(XApiException.Kind.REJECTED, "X answered " + status, null, snippet(body));
        }
        try {
            return new Page(json.readTree(body), remaining, reset);
        } catch (JacksonException e) {
            throw new XApiException(XApiException.Kind.TRANSIENT, "X sent a malformed body", null, snippet(body));
        }
    }

    private void sleep(int attempt) {
        long base = properties.backoff().toMillis() * (1L << Math.min(attempt - 1, 10));
        long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, base / 2));
        try {
            Thread.sleep(Math.min(base + jitter, 60_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String snippet(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }

    private static java.util.Optional<Instant> epoch(String value) {
        try {
            return java.util.Optional.of(Instant.ofEpochSecond(Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static int integer(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static Map<String, String> query(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
