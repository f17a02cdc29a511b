package io.trinity.social.sync;

import io.trinity.activity.ActivityDraft;
import io.trinity.activity.ActivityIngest;
import io.trinity.shared.BatchResult;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every connector does with a page: store its activities idempotently, count them in the sync log, and save
 * the cursor that follows the page (inside the page's transaction, so a stopped sync resumes there).
 */
@Component
public class SyncWriter {

    private final ActivityIngest activities;
    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    SyncWriter(ActivityIngest activities, JdbcClient jdbc) {
        this.activities = activities;
        this.jdbc = jdbc;
    }

    public void store(List<ActivityDraft> drafts, SyncLog log) {
        log.fetched(drafts.size());
        if (drafts.isEmpty()) {
            return;
        }
        BatchResult result = activities.ingest(drafts);
        log.stored(result.created(), result.updated(), result.unchanged());
        result.errors().forEach(e -> log.error("item " + e.index() + " rejected", e.field() + ": " + e.message()));
    }

    public void saveCursor(long connectionId, JsonNode cursor) {
        jdbc.sql("update social_connection set cursor = ? where id = ?")
                .params(json.writeValueAsString(cursor), connectionId).update();
    }
}
