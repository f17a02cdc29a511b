package io.trinity.social.foursquare;

import io.trinity.activity.ActivityDraft;
import io.trinity.identity.IdentityStore;
import io.trinity.identity.IdentityView;
import io.trinity.social.matching.IdentityMatching;
import io.trinity.social.sync.SocialConnector;
import io.trinity.social.sync.SyncLog;
import io.trinity.social.sync.SyncWriter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Imports the venue group's check-ins newer than the last one seen. A venue's {@code storeId} names the store; a
 * check-in elsewhere (a partner hotel) is kept without a store. Users are linked by their contact e-mail or by an
 * X username that already belongs to a customer; otherwise they stay unmatched.
 */
@Component
@EnableConfigurationProperties(FoursquareProperties.class)
class FoursquareConnector implements SocialConnector {

    private final FoursquareProperties properties;
    private final IdentityStore identities;
    private final IdentityMatching matching;
    private final SyncWriter writer;
    private final TransactionTemplate transactions;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    FoursquareConnector(FoursquareProperties properties, IdentityStore identities, IdentityMatching matching,
            SyncWriter writer, TransactionTemplate transactions) {
        this.properties = properties;
        this.identities = identities;
        this.matching = matching;
        this.writer = writer;
        this.transactions = transactions;
    }

    @Override
    public String network() {
        return "foursquare";
    }

    @Override
    public SyncResult sync(Connection connection, SyncLog log) {
        ObjectNode cursor = (ObjectNode) json.readTree(connection.cursorJson());
        long after = cursor.path("afterTimestamp").asLong(0);
        String url = properties.baseUrl().replaceAll("/+$", "") + "/v2/venuegroups/" + connection.accountId()
                + "/checkins?v=" + properties.version() + "&limit=250&afterTimestamp=" + after;
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "OAuth " + URLEncoder.encode(connection.credentials().get("oauthToken"),
                            StandardCharsets.UTF_8))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            log.error("Foursquare did not answer", e.getMessage());
            return SyncResult.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SyncResult.FAILED;
        }
        if (response.statusCode() == 401) {
            log.error("the OAuth token was refused", "");
            return SyncResult.NEEDS_REAUTH;
        }
        if (response.statusCode() == 429 || response.statusCode() == 403) {
            log.error("rate limited", "HTTP " + response.statusCode());
            return SyncResult.WAITING_RATE_LIMIT;
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (JacksonException e) {
            log.error("Foursquare sent a malformed body", response.body().length() > 200
                    ? response.body().substring(0, 200) : response.body());
            return SyncResult.FAILED;
        }
        if (response.statusCode() != 200) {
            log.error("Foursquare answered " + response.statusCode(), body.path("meta").path("errorDetail").asString(""));
            return SyncResult.FAILED;
        }
        transactions.executeWithoutResult(status -> store(body.path("response").path("checkins").path("items"),
                connection, cursor, log));
        return SyncResult.SUCCEEDED;
    }

    private void store(JsonNode items, Connection connection, ObjectNode cursor, SyncLog log) {
        List<ActivityDraft> drafts = new ArrayList<>();
        long newest = cursor.path("afterTimestamp").asLong(0);
        for (JsonNode item : items) {
            String id = item.path("id").asString(null);
            JsonNode user = item.path("user");
            String userId = user.path("id").asString(null);
            if (id == null || userId == null || !item.path("createdAt").isNumber()) {
                log.error("check-in without id, user or time skipped", String.valueOf(id));
                continue;
            }
            long createdAt = item.get("createdAt").asLong();
            newest = Math.max(newest, createdAt);
            String name = (user.path("firstName").asString("") + " " + user.path("lastName").asString("")).strip();
            IdentityView identity = identities.observe("foursquare", userId, null, name.isEmpty() ? null : name,
                    null);
            if (identity.customerId() == null) {
                JsonNode contact = user.path("contact");
                boolean linked = contact.hasNonNull("email") && matching.byEmail(identity.id(),
                        contact.get("email").asString());
                if (!linked && contact.hasNonNull("twitter")) {
                    matching.byLinkedHandle(identity.id(), "x", contact.get("twitter").asString());
                }
            }
            String store = item.path("venue").path("storeId").asString(null);
            String venue = item.path("venue").path("id").asString("");
            drafts.add(new ActivityDraft("foursquare", id, "CHECKIN", Instant.ofEpochSecond(createdAt).toString(),
                    new ActivityDraft.Actor(null, null, null, userId, null),
                    store == null ? null : new ActivityDraft.Target(null, null, null, store),
                    item.path("shout").asString(null), "{\"venue\": \"" + venue.replaceAll("[^A-Za-z0-9]", "") + "\"}",
                    null));
        }
        writer.store(drafts, log);
        cursor.put("afterTimestamp", newest);
        writer.saveCursor(connection.id(), cursor);
    }
}
