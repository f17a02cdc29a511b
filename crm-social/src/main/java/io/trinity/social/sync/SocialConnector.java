package io.trinity.social.sync;

import java.util.Map;

/** A network's connector: pulls what changed since the stored cursor into core identities and activities. */
public interface SocialConnector {

    /** The network this connector serves (facebook, x, foursquare). */
    String network();

    /**
     * Runs one sync of a connection. Each page is committed together with the cursor that follows it, so a sync
     * that stops (rate limit, failure, crash) resumes from its last committed page.
     */
    SyncResult sync(Connection connection, SyncLog log);

    /** What a connector needs to know about its connection. */
    record Connection(long id, String accountId, Map<String, String> credentials, String cursorJson) {
    }

    /** How a sync ended. */
    enum SyncResult {
        SUCCEEDED, WAITING_RATE_LIMIT, NEEDS_REAUTH, FAILED,
        /** The network's quota for the period is spent: the connection is paused until an admin resumes it. */
        QUOTA_SPENT
    }
}
