package io.trinity.duplicates;

import io.trinity.customer.CustomersStored;
import io.trinity.duplicates.internal.AutoMerger;
import io.trinity.duplicates.internal.CustomerRecords;
import io.trinity.duplicates.internal.Evidence;
import io.trinity.duplicates.internal.KeyStore;
import io.trinity.duplicates.internal.MatchRecord;
import io.trinity.duplicates.internal.Matcher;
import io.trinity.duplicates.internal.ModelStore;
import io.trinity.duplicates.internal.PairWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Incremental matching: a customer created or changed is compared with the customers that share a blocking key
 * with it, scored with the last full scan's parameters, within seconds of ingest (after the ingest commits,
 * through the event publication registry, so a restart does not lose the check). Batches larger than
 * {@code crm.identity.incremental-limit} wait for the next full scan. Before the first scan there is no model, and
 * nothing is checked.
 */
@Service
public class DuplicateChecks {

    private static final Logger log = LoggerFactory.getLogger(DuplicateChecks.class);

    private final CustomerRecords customers;
    private final ModelStore models;
    private final KeyStore keys;
    private final PairWriter pairs;
    private final AutoMerger autoMerger;
    private final DuplicateSettings settings;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final Matcher matcher;

    DuplicateChecks(CustomerRecords customers, ModelStore models, KeyStore keys, PairWriter pairs,
            AutoMerger autoMerger, DuplicateSettings settings, TransactionTemplate transactions, JdbcTemplate jdbc) {
        this.customers = customers;
        this.models = models;
        this.keys = keys;
        this.pairs = pairs;
        this.autoMerger = autoMerger;
        this.settings = settings;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.matcher = Evidence.matcher(settings);
    }

    @Async
    @TransactionalEventListener
    void stored(CustomersStored stored) {
        if (stored.customerIds().size() > settings.incrementalLimit()) {
            log.info("{} customers changed at once; their duplicates are found by the next full scan",
                    stored.customerIds().size());
            return;
        }
        check(stored.customerIds());
    }

    /** Checks these customers now; returns the open pairs they take part in afterwards. */
    public List<DuplicatePair> check(Collection<Long> customerIds) {
        Optional<ModelStore.Stored> model = models.current();
        if (model.isEmpty() || customerIds.isEmpty()) {
            return List.of();
        }
        Set<Long> clusters = new HashSet<>();
        transactions.executeWithoutResult(status -> {
            List<MatchRecord> records = customers.of(customerIds);
            Set<Long> active = new HashSet<>();
            for (MatchRecord record : records) {
                active.add(record.id());
                Set<Long> candidates = keys.replaceFor(record);
                List<MatchRecord> others = customers.of(candidates);
                List<PairWriter.Found> found = new ArrayList<>();
                for (Matcher.Scored s : matcher.score(model.get().model(), record, others)) {
                    MatchRecord other = others.get(s.second());
                    MatchRecord b = record.id() < other.id() ? other : record;
                    found.add(new PairWriter.Found(Math.min(record.id(), other.id()),
                            Math.max(record.id(), other.id()), s.probability(), s.band().label(),
                            Evidence.json(model.get().model(), s.vector(), b)));
                }
                pairs.replaceFor(record.id(), found, model.get().version());
            }
            for (Long id : customerIds) {
                if (!active.contains(id)) {
                    keys.forget(id);
                }
            }
            clusters.addAll(jdbc.queryForList(clusterSql(), Long.class, (Object) customerIds.toArray(Long[]::new),
                    (Object) customerIds.toArray(Long[]::new)));
        });
        if (settings.autoMerge() && !clusters.isEmpty()) {
            autoMerger.mergeAutomaticBand(clusters);
        }
        return jdbc.query("select * from duplicate_pair where status = 'open' and (customer_a = any(?)"
                        + " or customer_b = any(?)) order by probability desc, id", DuplicateQueue::row,
                (Object) customerIds.toArray(Long[]::new), (Object) customerIds.toArray(Long[]::new));
    }

    private static String clusterSql() {
        return "select distinct cluster_id from duplicate_pair where status = 'open' and band = 'auto'"
                + " and (customer_a = any(?) or customer_b = any(?))";
    }
}
