package io.trinity.social.x;

import io.trinity.activity.ActivityDraft;
import io.trinity.identity.IdentityStore;
import io.trinity.identity.IdentityView;
import io.trinity.social.matching.IdentityMatching;
import io.trinity.social.sync.SocialConnector;
import io.trinity.social.sync.SyncLog;
import io.trinity.social.sync.SyncWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pulls brand mentions (recent search, newer than the last {@code newest_id}) and the brand account's followers
 * into identities and activities. Every page is committed with the cursor that follows it; a rate limit pauses
 * the sync at that page, a revoked token stops it without retrying.
 */
@Component
@EnableConfigurationProperties(XProperties.class)
class XConnector implements SocialConnector {

    static final String TWEET_FIELDS = "created_at,public_metrics,author_id,conversation_id,referenced_tweets,entities";
    static final String USER_FIELDS = "created_at,public_metrics,username,name";

    private final XClient client;
    private final XProperties properties;
    private final IdentityStore identities;
    private final IdentityMatching matching;
    private final SyncWriter writer;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json = JsonMapper.builder().build();

    XConnector(XClient client, XProperties properties, IdentityStore identities, IdentityMatching matching,
            SyncWriter writer, JdbcClient jdbc, TransactionTemplate transactions) {
        this.client = client;
        this.properties = properties;
        this.identities = identities;
        this.matching = matching;
        this.writer = writer;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public String network() {
        return "x";
    }

    @Override
    public SyncResult sync(Connection connection, SyncLog log) {
        ObjectNode cursor = (ObjectNode) json.readTree(connection.cursorJson());
        String token = connection.credentials().get("bearerToken");
        try {
            if (properties.mentionQuery() != null && !properties.mentionQuery().isBlank()) {
                mentions(connection, token, cursor, log);
            }
            followers(connection, token, cursor, log);
            amplification(connection, token, log);
            timelines(connection, token, cursor, log);
            return SyncResult.SUCCEEDED;
        } catch (XApiException e) {
            log.error(e.getMessage(), e.resetAt() != null ? "resets at " + e.resetAt()
                    : e.snippet() != null ? e.snippet() : "");
            if (e.kind() == XApiException.Kind.RATE_LIMITED) {
                // Sleep until the window resets, plus a second or two so a fleet does not stampede.
                java.time.Instant reset = e.resetAt() != null ? e.resetAt() : java.time.Instant.now().plusSeconds(60);
                log.resumeAt(reset.plusMillis(1_000 + java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000)));
            }
            return switch (e.kind()) {
                case RATE_LIMITED -> SyncResult.WAITING_RATE_LIMIT;
                case UNAUTHORIZED -> SyncResult.NEEDS_REAUTH;
                case USAGE_CAPPED -> SyncResult.QUOTA_SPENT;
                default -> SyncResult.FAILED;
            };
        }
    }

    private void mentions(Connection connection, String token, ObjectNode cursor, SyncLog log) {
        while (true) {
            String next = text(cursor, "mentionsNext");
            Map<String, String> query = XClient.query("query", properties.mentionQuery(), "tweet.fields", TWEET_FIELDS,
                    "expansions", "author_id", "user.fields", USER_FIELDS, "max_results", "100");
            if (text(cursor, "mentionsSince") != null) {
                query.put("since_id", text(cursor, "mentionsSince"));
            }
            if (next != null) {
                query.put("next_token", next);
            }
            XClient.Page response = client.get("/2/tweets/search/recent", query, token);
            JsonNode page = response.body();
            JsonNode meta = page.path("meta");
            transactions.executeWithoutResult(status -> {
                Map<String, IdentityView> users = users(page.path("includes").path("users"));
                List<ActivityDraft> drafts = new ArrayList<>();
                for (JsonNode tweet : page.path("data")) {
                    drafts.add(tweetActivity(tweet, users, connection.accountId()));
                }
                writer.store(drafts, log);
                for (JsonNode tweet : page.path("data")) {
                    IdentityView author = users.get(tweet.path("author_id").asString());
                    if (author != null) {
                        matching.fromText(author.id(), decode(tweet.path("text").asString()));
                    }
                }
                errors(page, log);
                if (next == null && meta.hasNonNull("newest_id")) {
                    cursor.put("mentionsNewest", meta.get("newest_id").asString());
                }
                String following = meta.hasNonNull("next_token") ? meta.get("next_token").asString() : null;
                if (following == null) {
                    if (text(cursor, "mentionsNewest") != null) {
                        cursor.put("mentionsSince", text(cursor, "mentionsNewest"));
                    }
                    cursor.remove("mentionsNext");
                    cursor.remove("mentionsNewest");
                } else {
                    cursor.put("mentionsNext", following);
                }
                writer.saveCursor(connection.id(), cursor);
            });
            if (text(cursor, "mentionsNext") == null) {
                return;
            }
            slowDown(response);
        }
    }

    private void followers(Connection connection, String token, ObjectNode cursor, SyncLog log) {
        while (true) {
            String next = text(cursor, "followersNext");
            Map<String, String> query = XClient.query("user.fields", USER_FIELDS, "max_results", "1000");
            if (next != null) {
                query.put("pagination_token", next);
            }
            XClient.Page response = client.get("/2/users/" + connection.accountId() + "/followers", query, token);
            JsonNode page = response.body();
            transactions.executeWithoutResult(status -> {
                Map<String, IdentityView> users = users(page.path("data"));
                List<ActivityDraft> drafts = new ArrayList<>();
                for (JsonNode user : page.path("data")) {
                    String id = user.path("id").asString();
                    // X does not say when someone followed; the account's creation stands in so re-syncs match.
                    String since = user.hasNonNull("created_at") ? user.get("created_at").asString()
                            : "1970-01-01T00:00:00Z";
                    drafts.add(new ActivityDraft("x", "follow:" + connection.accountId() + ":" + id, "FOLLOW", since,
                            new ActivityDraft.Actor(null, null, null, id, user.path("username").asString(null)), null,
                            null, null, null));
                }
                writer.store(drafts, log);
                errors(page, log);
                JsonNode meta = page.path("meta");
                if (meta.hasNonNull("next_token")) {
                    cursor.put("followersNext", meta.get("next_token").asString());
                } else {
                    cursor.remove("followersNext");
                }
                writer.saveCursor(connection.id(), cursor);
            });
            if (text(cursor, "followersNext") == null) {
                return;
            }
            slowDown(response);
        }
    }

    /**
     * Who reposted or liked the brand's recent posts (the latest 20 each sync: engagement keeps arriving on older
     * posts, so they are not skipped by a since_id). X does not say when: the post's time stands in, so re-syncs
     * match the same activities.
     */
    private void amplification(Connection connection, String token, SyncLog log) {
        JsonNode posts = client.get("/2/users/" + connection.accountId() + "/tweets", XClient.query("tweet.fields",
                "created_at,public_metrics", "max_results", "20"), token).body();
        for (JsonNode post : posts.path("data")) {
            String postId = post.path("id").asString(null);
            String created = post.path("created_at").asString(null);
            if (postId == null || created == null) {
                continue;
            }
            JsonNode metrics = post.path("public_metrics");
            if (metrics.path("retweet_count").asLong(0) > 0) {
                engagedUsers(postId, created, "/2/tweets/" + postId + "/retweeted_by", "SHARE", "repost", token, log);
            }
            if (metrics.path("like_count").asLong(0) > 0) {
                engagedUsers(postId, created, "/2/tweets/" + postId + "/liking_users", "LIKE", "like", token, log);
            }
        }
    }

    private void engagedUsers(String postId, String created, String path, String type, String prefix, String token,
            SyncLog log) {
        String next = null;
        do {
            Map<String, String> query = XClient.query("user.fields", USER_FIELDS, "max_results", "100");
            if (next != null) {
                query.put("pagination_token", next);
            }
            JsonNode page = client.get(path, query, token).body();
            transactions.executeWithoutResult(status -> {
                Map<String, IdentityView> users = users(page.path("data"));
                List<ActivityDraft> drafts = new ArrayList<>();
                users.forEach((userId, identity) -> drafts.add(new ActivityDraft("x", prefix + ":" + postId + ":"
                        + userId, type, created, new ActivityDraft.Actor(null, null, null, userId, identity.handle()),
                        new ActivityDraft.Target(null, null, postId, null), null, null, null)));
                writer.store(drafts, log);
                errors(page, log);
            });
            next = page.path("meta").hasNonNull("next_token") ? page.path("meta").get("next_token").asString() : null;
        } while (next != null);
    }

    /**
     * The timelines of customers' linked X accounts, newer than each one's last seen post: their own publishing,
     * replies, reposts and quotes, which feed relationship and influence.
     */
    private void timelines(Connection connection, String token, ObjectNode cursor, SyncLog log) {
        JsonNode existing = cursor.get("timelines");
        ObjectNode timelines = existing instanceof ObjectNode object ? object : cursor.putObject("timelines");
        List<String> accounts = jdbc.sql("select network_user_id from identity_directory where network = 'x'"
                        + " and customer_id is not null and network_user_id is not null order by id")
                .query(String.class).list();
        for (String account : accounts) {
            while (true) {
                String next = text(cursor, "timelineNext:" + account);
                Map<String, String> query = XClient.query("tweet.fields", TWEET_FIELDS, "expansions", "author_id",
                        "user.fields", USER_FIELDS, "max_results", "100");
                if (timelines.hasNonNull(account)) {
                    query.put("since_id", timelines.get(account).asString());
                }
                if (next != null) {
                    query.put("pagination_token", next);
                }
                JsonNode page = client.get("/2/users/" + account + "/tweets", query, token).body();
                transactions.executeWithoutResult(status -> {
                    Map<String, IdentityView> users = users(page.path("includes").path("users"));
                    List<ActivityDraft> drafts = new ArrayList<>();
                    for (JsonNode tweet : page.path("data")) {
                        drafts.add(tweetActivity(tweet, users, connection.accountId()));
                    }
                    writer.store(drafts, log);
                    errors(page, log);
                    JsonNode meta = page.path("meta");
                    if (next == null && meta.hasNonNull("newest_id")) {
                        cursor.put("timelineNewest:" + account, meta.get("newest_id").asString());
                    }
                    if (meta.hasNonNull("next_token")) {
                        cursor.put("timelineNext:" + account, meta.get("next_token").asString());
                    } else {
                        String newest = text(cursor, "timelineNewest:" + account);
                        if (newest != null) {
                            timelines.put(account, newest);
                        }
                        cursor.remove("timelineNext:" + account);
                        cursor.remove("timelineNewest:" + account);
                    }
                    writer.saveCursor(connection.id(), cursor);
                });
                if (text(cursor, "timelineNext:" + account) == null) {
                    break;
                }
            }
        }
    }

    /**
     * With the window spent and more pages to go, stop at the saved page instead of earning a 429: the sync
     * resumes when the window resets.
     */
    private static void slowDown(XClient.Page response) {
        if (response.remaining() == 0 && response.resetAt() != null) {
            throw new XApiException(XApiException.Kind.RATE_LIMITED, "rate-limit window used up", response.resetAt(),
                    null);
        }
    }

    private Map<String, IdentityView> users(JsonNode users) {
        Map<String, IdentityView> byId = new HashMap<>();
        for (JsonNode user : users) {
            String id = user.path("id").asString(null);
            if (id == null) {
                continue;
            }
            JsonNode followers = user.path("public_metrics").path("followers_count");
            byId.put(id, identities.observe("x", id, user.path("username").asString(null),
                    user.path("name").asString(null), followers.isNumber() ? followers.asLong() : null));
        }
        return byId;
    }

    /**
     * One classification for a post wherever it was found (search or a timeline), so the same post never flips
     * type between sources: a reply is a COMMENT, a repost or quote a SHARE, a post naming the brand a MENTION,
     * anything else a POST. The referenced post is the target.
     */
    static String classify(JsonNode tweet, String brandId) {
        for (JsonNode ref : tweet.path("referenced_tweets")) {
            switch (ref.path("type").asString("")) {
                case "replied_to":
                    return "COMMENT";
                case "retweeted":
                case "quoted":
                    return "SHARE";
                default:
                    break;
            }
        }
        for (JsonNode mention : tweet.path("entities").path("mentions")) {
            if (brandId.equals(mention.path("id").asString(null))) {
                return "MENTION";
            }
        }
        return "POST";
    }

    private ActivityDraft tweetActivity(JsonNode tweet, Map<String, IdentityView> users, String brandId) {
        String type = classify(tweet, brandId);
        String referenced = null;
        for (JsonNode ref : tweet.path("referenced_tweets")) {
            referenced = ref.path("id").asString(null);
        }
        String author = tweet.path("author_id").asString(null);
        IdentityView identity = author == null ? null : users.get(author);
        ObjectNode metrics = tweet.path("public_metrics").isObject()
                ? (ObjectNode) tweet.get("public_metrics") : null;
        return new ActivityDraft("x", tweet.path("id").asString(null), type, tweet.path("created_at").asString(null),
                new ActivityDraft.Actor(null, null, null, author, identity == null ? null : identity.handle()),
                referenced == null ? null : new ActivityDraft.Target(null, null, referenced, null),
                decode(tweet.path("text").asString(null)), metrics == null ? null : json.writeValueAsString(metrics),
                null);
    }

    /** A 200 may carry errors for some items (deleted, protected): keep the data, record each error. */
    private static void errors(JsonNode page, SyncLog log) {
        for (JsonNode error : page.path("errors")) {
            log.error(error.path("title").asString("partial error"), error.path("detail").asString(""));
        }
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** X escapes &amp; &lt; &gt; in text: decode once on the way in; pages escape once on the way out. */
    static @Nullable String decode(@Nullable String text) {
        if (text == null) {
            return null;
        }
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
