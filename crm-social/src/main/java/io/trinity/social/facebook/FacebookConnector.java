package io.trinity.social.facebook;


import com.restfb.Parameter;
import com.restfb.exception.FacebookGraphException;
import com.restfb.exception.FacebookJsonMappingException;
import com.restfb.exception.FacebookNetworkException;
import com.restfb.exception.FacebookResponseContentException;
import com.restfb.json.JsonObject;
import com.restfb.json.JsonValue;
import io.trinity.activity.ActivityDraft;
import io.trinity.identity.IdentityStore;
import io.trinity.social.sync.SocialConnector;
import io.trinity.social.sync.SyncLog;
import io.trinity.social.sync.SyncWriter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pulls the brand page's feed through RestFB: visitor posts, and each post's comments, reactions and shares, as
 * activities of the people who wrote them. Pages are followed by {@code paging.next} to the end. Each feed page
 * is committed with the time it reached, so an interrupted sweep resumes with {@code until}; a finished sweep
 * stores the newest post time and the next sync asks only for newer posts ({@code since}). Cursors expire, times
 * do not.
 */
@Component
@EnableConfigurationProperties(FacebookProperties.class)
class FacebookConnector implements SocialConnector {

    static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");
    static final String FEED_FIELDS = "id,message,created_time,from,permalink_url,shares,"
            + "reactions.limit(0).summary(total_count),comments.limit(0).summary(total_count)";

    private final FacebookProperties properties;
    private final IdentityStore identities;
    private final SyncWriter writer;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json = JsonMapper.builder().build();

    FacebookConnector(FacebookProperties properties, IdentityStore identities, SyncWriter writer,
            JdbcClient jdbc, TransactionTemplate transactions) {
        this.properties = properties;
        this.identities = identities;
        this.writer = writer;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public String network() {
        return "facebook";
    }

    /** Graph's way of saying "slow down": application, user, page, custom and business-use-case limits. */
    static boolean throttled(int code) {
        return code == 4 || code == 17 || code == 32 || code == 613 || (code >= 80000 && code <= 80014);
    }

    @Override
    public SyncResult sync(SocialConnector.Connection connection, SyncLog log) {
        GraphClient client = new GraphClient(connection.credentials().get("pageAccessToken"),
                connection.credentials().get("appSecret"), properties.baseUrl(), properties.graphVersion());
        ObjectNode cursor = (ObjectNode) json.readTree(connection.cursorJson());
        try {
            List<Parameter> params = new ArrayList<>(List.of(Parameter.with("fields", FEED_FIELDS),
                    Parameter.with("limit", properties.pageSize())));
            if (cursor.hasNonNull("feedSince")) {
                params.add(Parameter.with("since", cursor.get("feedSince").asLong()));
            }
            if (cursor.hasNonNull("feedUntil")) {
                params.add(Parameter.with("until", cursor.get("feedUntil").asLong()));
            }
            com.restfb.Connection<JsonObject> page = retrying(() -> client.fetchConnection(connection.accountId() + "/feed",
                    JsonObject.class, params.toArray(Parameter[]::new)));
            int usage = feedUsage(client);
            while (true) {
                com.restfb.Connection<JsonObject> current = page;
                transactions.executeWithoutResult(status -> storePage(client, connection, current.getData(), cursor,
                        log));
                if (!current.hasNext()) {
                    break;
                }
                if (usage >= Usage.PAUSE_AT) {
                    throw new Throttled(usage); // slow down before Graph refuses: resume from the saved page
                }
                String next = sameScheme(current.getNextPageUrl());
                page = retrying(() -> client.fetchConnectionPage(next, JsonObject.class));
                usage = feedUsage(client);
            }
            transactions.executeWithoutResult(status -> {
                if (cursor.hasNonNull("sweepNewest")) {
                    cursor.put("feedSince", cursor.get("sweepNewest").asLong());
                }
                cursor.remove("sweepNewest");
                cursor.remove("feedUntil");
                writer.saveCursor(connection.id(), cursor);
            });
            return SyncResult.SUCCEEDED;
        } catch (Throttled e) {
            log.error("Graph usage at " + e.percent + "% of its limit; pausing", "");
            log.resumeAt(Usage.waitUntil(client.lastHeader("X-Business-Use-Case-Usage"), pausesSoFar(connection)));
            return SyncResult.WAITING_RATE_LIMIT;
        } catch (FacebookGraphException e) {
            int code = e.getErrorCode() == null ? -1 : e.getErrorCode();
            log.error("Graph error " + code, e.getErrorMessage());
            if (code == 190) {
                return SyncResult.NEEDS_REAUTH;
            }
            if (throttled(code)) {
                log.resumeAt(Usage.waitUntil(client.lastHeader("X-Business-Use-Case-Usage"),
                        pausesSoFar(connection)));
                return SyncResult.WAITING_RATE_LIMIT;
            }
            return SyncResult.FAILED;
        } catch (GaveUp e) {
            log.error("gave up after " + properties.maxRetries() + " attempts", e.getMessage());
            return SyncResult.FAILED;
        }
    }

    private void storePage(GraphClient client, SocialConnector.Connection connection, List<JsonObject> posts,
            ObjectNode cursor, SyncLog log) {
        List<ActivityDraft> drafts = new ArrayList<>();
        long oldest = Long.MAX_VALUE;
        for (JsonObject post : posts) {
            String postId = post.getString("id", null);
            String created = time(post.getString("created_time", null));
            if (postId == null || created == null) {
                log.error("post without id or time skipped", String.valueOf(postId));
                continue;
            }
            long epoch = OffsetDateTime.parse(created).toEpochSecond();
            oldest = Math.min(oldest, epoch);
            if (!cursor.hasNonNull("sweepNewest") || cursor.get("sweepNewest").asLong() < epoch) {
                cursor.put("sweepNewest", epoch);
            }
            String author = person(post);
            if (author != null && !author.equals(connection.accountId())) {
                drafts.add(draft(postId, "POST", created, author, null, post.getString("message", null),
                        "{\"shares\": " + nested(post, "shares", "count") + "}"));
            }
            for (JsonObject comment : all(client, postId + "/comments", Parameter.with("fields",
                    "id,message,created_time,from,like_count"), Parameter.with("order", "chronological"))) {
                String from = person(comment);
                if (from == null || from.equals(connection.accountId())) {
                    continue; // a comment without an author cannot be anyone's activity
                }
                drafts.add(draft(comment.getString("id", null), "COMMENT", time(comment.getString("created_time",
                        null)), from, postId, comment.getString("message", null),
                        "{\"likes\": " + comment.getLong("like_count", 0L) + "}"));
            }
            for (JsonObject reaction : all(client, postId + "/reactions", Parameter.with("fields", "id,name,type"))) {
                String id = reaction.getString("id", null);
                if (id == null) {
                    continue;
                }
                identities.observe("facebook", id, null, reaction.getString("name", null), null);
                drafts.add(draft(postId + ":reaction:" + id, "LIKE", created, id, postId, null,
                        "{\"reaction\": \"" + reaction.getString("type", "LIKE").replaceAll("[^A-Z_]", "") + "\"}"));
            }
            for (JsonObject share : all(client, postId + "/sharedposts",
                    Parameter.with("fields", "id,from,message,story,created_time"))) {
                String from = person(share);
                if (from != null) {
                    drafts.add(draft(share.getString("id", null), "SHARE", time(share.getString("created_time",
                            null)), from, postId, share.getString("message", null), null));
                }
            }
        }
        writer.store(drafts, log);
        if (oldest != Long.MAX_VALUE) {
            cursor.put("feedUntil", oldest);
        }
        writer.saveCursor(connection.id(), cursor);
    }

    /** The author's id, recorded as an identity with their name (a name alone never links anyone). */
    private @Nullable String person(JsonObject object) {
        JsonValue from = object.get("from");
        if (from == null || !from.isObject()) {
            return null;
        }
        JsonObject author = from.asObject();
        String id = author.getString("id", null);
        if (id != null) {
            identities.observe("facebook", id, null, author.getString("name", null), null);
        }
        return id;
    }

    private List<JsonObject> all(GraphClient client, String edge, Parameter... params) {
        List<JsonObject> items = new ArrayList<>();
        com.restfb.Connection<JsonObject> page = retrying(() -> client.fetchConnection(edge, JsonObject.class, params));
        while (true) {
            items.addAll(page.getData());
            if (!page.hasNext()) {
                return items;
            }
            String next = sameScheme(page.getNextPageUrl());
            page = retrying(() -> client.fetchConnectionPage(next, JsonObject.class));
        }
    }

    /**
     * RestFB upgrades every {@code paging.next} to https; a Graph endpoint configured with plain http (a local stub
     * or proxy) keeps its scheme. Nothing else is touched: next URLs are followed as Graph sent them.
     */
    String sameScheme(String next) {
        String base = properties.baseUrl().replaceAll("/+$", "");
        if (base.startsWith("http://") && next.startsWith("https://" + base.substring("http://".length()) + "/")) {
            return "http://" + next.substring("https://".length());
        }
        return next;
    }

    private static ActivityDraft draft(String id, String type, String time, String actor, @Nullable String postId,
            @Nullable String text, @Nullable String metrics) {
        return new ActivityDraft("facebook", id, type, time, new ActivityDraft.Actor(null, null, null, actor, null),
                postId == null ? null : new ActivityDraft.Target(null, null, postId, null), text, metrics, null);
    }

    private static String nested(JsonObject object, String field, String inner) {
        JsonValue value = object.get(field);
        return value != null && value.isObject() ? String.valueOf(value.asObject().getLong(inner, 0L)) : "null";
    }

    /** Graph writes {@code +0000} without a colon; the rest of Trinity speaks ISO-8601 with one. */
    static @Nullable String time(@Nullable String graphTime) {
        if (graphTime == null) {
            return null;
        }
        return OffsetDateTime.parse(graphTime, GRAPH_TIME).toString();
    }

    /** Usage as reported with the feed page just fetched (before the per-post requests replace the headers). */
    private static int feedUsage(GraphClient client) {
        return Usage.highest(client.lastHeader("X-App-Usage"), client.lastHeader("X-Page-Usage"),
                client.lastHeader("X-Business-Use-Case-Usage"));
    }

    /** How many rate-limit pauses in a row this connection has had (for the exponential wait). */
    private int pausesSoFar(SocialConnector.Connection connection) {
        return jdbc.sql("select count(*) from (select status from social_sync where connection_id = ?"
                        + " and status <> 'running' order by id desc limit 6) s where status = 'waiting-rate-limit'")
                .param(connection.id()).query(Integer.class).single();
    }

    /** Usage crossed the pause threshold on a successful page. */
    static final class Throttled extends RuntimeException {
        final int percent;

        Throttled(int percent) {
            super("usage " + percent + "%");
            this.percent = percent;
        }
    }

    /** Thrown when a request kept failing transiently. */
    static final class GaveUp extends RuntimeException {
        GaveUp(String message) {
            super(message);
        }
    }

    private <T> T retrying(Supplier<T> request) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < Math.max(1, properties.maxRetries()); attempt++) {
            if (attempt > 0) {
                long base = properties.backoff().toMillis() * (1L << Math.min(attempt - 1, 10));
                try {
                    Thread.sleep(base + ThreadLocalRandom.current().nextLong(Math.max(1, base / 2)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                return request.get();
            } catch (FacebookGraphException e) {
                int code = e.getErrorCode() == null ? -1 : e.getErrorCode();
                boolean transientError = (code == 1 || code == 2)
                        || (Boolean.TRUE.equals(e.getIsTransient()) && !throttled(code))
                        || (e.getHttpStatusCode() != null && e.getHttpStatusCode() >= 500);
                if (!transientError) {
                    throw e;
                }
                last = e;
            } catch (FacebookNetworkException | FacebookJsonMappingException | FacebookResponseContentException e) {
                last = e;
            }
        }
        String message = last == null ? "no attempt" : last.getMessage();
        throw new GaveUp(message == null ? last.getClass().getSimpleName()
                : message.length() > 300 ? message.substring(0, 300) + "…" : message);
    }
}
