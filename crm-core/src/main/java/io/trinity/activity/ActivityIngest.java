package io.trinity.activity;

import io.trinity.customer.CustomersChanged;
import io.trinity.customer.CustomerRef;
import io.trinity.customer.CustomerResolver;
import io.trinity.identity.IdentityStore;
import io.trinity.identity.IdentityView;
import io.trinity.shared.BatchCollector;
import io.trinity.shared.BatchResult;
import io.trinity.shared.FieldError;
import io.trinity.shared.IngestWindow;
import io.trinity.shared.Retries;
import io.trinity.shared.TimeWindow;
import io.trinity.database.SqlArrays;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a batch of activities idempotently by network plus external id. Actors named by a network identity get
 * that identity (created unlinked if new) and, when it is linked, its customer; actors named as customers must
 * exist. A bad item is rejected alone.
 */
@Service
public class ActivityIngest {

    public static final int MAX_BATCH = 10_000;

    private static final String UPSERT = """
            insert into activity (network, external_id, type, actor_customer_id, actor_identity_id,
                                  target_customer_id, target_post_id, target_store_id, occurred_at, text, metrics,
                                  sentiment, engagement)
            select t.network, t.external_id, t.type, t.actor_customer_id, t.actor_identity_id, t.target_customer_id,
                   t.target_post_id, t.target_store_id, t.occurred_at::timestamptz, t.text, t.metrics::jsonb,
                   t.sentiment, case when t.metrics is null then 0 else activity_engagement(t.metrics::jsonb) end
            from unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[])
                 as t(network, external_id, type, actor_customer_id, actor_identity_id, target_customer_id,
                      target_post_id, target_store_id, occurred_at, text, metrics, sentiment)
            on conflict (network, external_id) do update set
                type = excluded.type, actor_customer_id = excluded.actor_customer_id,
                actor_identity_id = excluded.actor_identity_id, target_customer_id = excluded.target_customer_id,
                target_post_id = excluded.target_post_id, target_store_id = excluded.target_store_id,
                occurred_at = excluded.occurred_at, text = excluded.text, metrics = excluded.metrics,
                sentiment = excluded.sentiment, engagement = excluded.engagement, updated_at = now()
            where (activity.type, activity.actor_customer_id, activity.actor_identity_id, activity.target_customer_id,
                   activity.target_post_id, activity.target_store_id, activity.occurred_at, activity.text,
                   activity.metrics, activity.sentiment)
                  is distinct from
                  (excluded.type, excluded.actor_customer_id, excluded.actor_identity_id, excluded.target_customer_id,
                   excluded.target_post_id, excluded.target_store_id, excluded.occurred_at, excluded.text,
                   excluded.metrics, excluded.sentiment)
            returning network, external_id, type, actor_customer_id, target_store_id, occurred_at, text,
                      (xmax = 0) as inserted
            """;

    private final CustomerResolver customers;
    private final IdentityStore identities;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final IngestWindow times;

    ActivityIngest(CustomerResolver customers, IdentityStore identities,
            JdbcTemplate jdbc, ApplicationEventPublisher events, IngestWindow times,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.times = times;
        this.customers = customers;
        this.identities = identities;
        this.jdbc = jdbc;
        this.events = events;
    }

    public BatchResult ingest(List<ActivityDraft> drafts) {
        return ingest(drafts, new BatchCollector());
    }

    public BatchResult ingest(List<ActivityDraft> drafts, BatchCollector batch) {
        // One transaction, run again should PostgreSQL pick it as a deadlock victim: never a 500 for that.
        return Retries.onConflict(() -> transactions.execute(status -> store(drafts, batch.copy())));
    }

    private BatchResult store(List<ActivityDraft> drafts, BatchCollector batch) {
        if (drafts.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a batch holds at most " + MAX_BATCH + " activities");
        }
        TimeWindow window = times.now();
        Map<Integer, ValidActivity> valid = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            if (batch.isRejected(i) || drafts.get(i) == null) {
                continue;
            }
            List<FieldError> errors = new ArrayList<>();
            ValidActivity activity = ActivityValidator.clean(drafts.get(i), window, errors);
            if (activity == null) {
                batch.reject(i, errors);
            } else if (!seen.add(activity.network() + "\u0000" + activity.externalId())) {
                batch.reject(i, "externalId", "externalId '" + activity.externalId() + "' on " + activity.network()
                        + " appears earlier in this batch");
            } else {
                valid.put(i, activity);
            }
        }
        Map<CustomerRef, Long> ids = customers.resolve(valid.values().stream()
                .flatMap(a -> Stream.of(a.actorCustomer(), a.targetCustomer())).filter(Objects::nonNull).toList());
        Map<String, IdentityView> identityByKey = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        // In (network, external id) order, not the client's, so concurrent batches lock shared rows alike.
        valid.entrySet().stream().sorted(Map.Entry.comparingByValue(java.util.Comparator
                .comparing(ValidActivity::network).thenComparing(ValidActivity::externalId))).forEach(entry -> {
            int index = entry.getKey();
            ValidActivity a = entry.getValue();
            Long actorCustomer = null;
            Long actorIdentity = null;
            if (a.actorCustomer() != null) {
                actorCustomer = ids.get(a.actorCustomer());
                if (actorCustomer == null) {
                    batch.reject(index, "actor", "no customer with " + a.actorCustomer().describe());
                    return;
                }
            } else {
                String key = a.network() + "\u0000" + a.actorNetworkUserId() + "\u0000" + a.actorHandle();
                IdentityView identity = identityByKey.computeIfAbsent(key,
                        k -> identities.findOrCreate(a.network(), a.actorNetworkUserId(), a.actorHandle()));
                actorIdentity = identity.id();
                actorCustomer = identity.customerId();
            }
            Long targetCustomer = null;
            if (a.targetCustomer() != null) {
                targetCustomer = ids.get(a.targetCustomer());
                if (targetCustomer == null) {
                    batch.reject(index, "target", "no customer with " + a.targetCustomer().describe());
                    return;
                }
            }
            rows.add(new Row(a, actorCustomer, actorIdentity, targetCustomer));
        });
        write(rows, batch);
        return batch.result();
    }

    private record Row(ValidActivity activity, @Nullable Long actorCustomer, @Nullable Long actorIdentity,
            @Nullable Long targetCustomer) {
    }

    private void write(List<Row> rows, BatchCollector batch) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        Object[][] cols = new Object[12][n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            ValidActivity a = row.activity();
            cols[0][i] = a.network();
            cols[1][i] = a.externalId();
            cols[2][i] = a.type().name();
            cols[3][i] = row.actorCustomer();
            cols[4][i] = row.actorIdentity();
            cols[5][i] = row.targetCustomer();
            cols[6][i] = a.targetPostId();
            cols[7][i] = a.targetStoreId();
            cols[8][i] = a.occurredAt().toString();
            cols[9][i] = a.text();
            cols[10][i] = a.metricsJson();
            cols[11][i] = a.sentiment() == null ? null : a.sentiment().name();
        }
        int[] changed = new int[2];
        List<ActivitiesStored.Stored> inserted = new ArrayList<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(UPSERT);
            for (int c = 0; c < 12; c++) {
                boolean numeric = c >= 3 && c <= 5;
                ps.setArray(c + 1, numeric ? SqlArrays.bigint(con, cols[c]) : SqlArrays.text(con, cols[c]));
            }
            return ps;
        }, rs -> {
            boolean isNew = rs.getBoolean("inserted");
            changed[isNew ? 0 : 1]++;
            if (isNew) {
                long actor = rs.getLong("actor_customer_id");
                inserted.add(new ActivitiesStored.Stored(rs.getString("network"), rs.getString("external_id"),
                        ActivityType.valueOf(rs.getString("type")), rs.wasNull() ? null : actor,
                        rs.getString("target_store_id"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("text")));
            }
        });
        batch.count(changed[0], changed[1], n - changed[0] - changed[1]);
        if (changed[0] + changed[1] > 0) {
            events.publishEvent(CustomersChanged.of(rows.stream()
                    .flatMap(r -> Stream.of(r.actorCustomer(), r.targetCustomer())).toList()));
        }
        if (!inserted.isEmpty()) {
            events.publishEvent(new ActivitiesStored(inserted));
        }
    }
}
