package io.trinity.customer;

import io.trinity.database.SqlArrays;
import io.trinity.shared.ConflictException;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.NotFoundException;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges two customer records into one and undoes it. A merge runs in one transaction: it locks both customers
 * (in id order, waiting at most a few seconds, so two overlapping merges end in a clean 409 instead of a deadlock),
 * gives the survivor the chosen values ({@link SurvivingValues}), points the other record at it ({@code MERGED}),
 * and publishes {@link CustomersMerged}, on which every feature moves its rows in its own room; if any feature
 * fails, nothing is merged. An undo within the window ({@code crm.identity.undo-window}, 90 days) publishes
 * {@link MergeUndone} with the journal of what each feature moved, and puts the customer record back. Every merge
 * and undo is kept with who did it, when, and the evidence.
 */
@Service
public class CustomerMerges {

    private static final Logger log = LoggerFactory.getLogger(CustomerMerges.class);

    /** Why and by whom a merge happens. {@code evidence} is the match explanation as JSON, or null. */
    public record Origin(String actor, boolean automatic, @Nullable Long pairId, @Nullable Double probability,
            @Nullable String evidence) {

        public static Origin byHand(String actor) {
            return new Origin(actor, false, null, null, null);
        }
    }

    /** What a merge did. */
    public record MergeResult(long mergeId, long survivorId, long mergedId, Map<String, Long> moved) {
    }

    /** A merge as the console lists it. */
    public record MergeView(long id, long survivorId, long mergedId, boolean automatic, String mergedBy,
            Instant mergedAt, @Nullable String undoneBy, @Nullable Instant undoneAt, Map<String, Long> moved,
            @Nullable Double probability, boolean undoable) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration undoWindow;

    CustomerMerges(JdbcClient jdbc, JdbcTemplate template, ApplicationEventPublisher events, Clock clock,
            @Value("${crm.identity.undo-window:90d}") Duration undoWindow) {
        this.jdbc = jdbc;
        this.template = template;
        this.events = events;
        this.clock = clock;
        this.undoWindow = undoWindow;
    }

    public Duration undoWindow() {
        return undoWindow;
    }

    /**
     * Merges {@code otherId} into {@code survivorId}. {@code fields} chooses per field which side's value survives
     * ({@link SurvivingValues#FIELDS}; missing fields follow the default rule). 409 when either is merged already or
     * in another merge; 404 when either does not exist.
     */
    @Transactional
    public MergeResult merge(long survivorId, long otherId, @Nullable Map<String, String> fields, Origin origin) {
        if (survivorId == otherId) {
            throw new InvalidInputException("otherId", "a customer cannot be merged with itself");
        }
        lock(survivorId, otherId);
        CustomerDetails survivor = row(survivorId);
        CustomerDetails other = row(otherId);
        for (CustomerDetails c : List.of(survivor, other)) {
            if (c.status() == CustomerStatus.MERGED) {
                throw new ConflictException(c.id() == survivorId ? "survivorId" : "otherId", "customer " + c.id()
                        + " is already merged into customer " + mergedInto(c.id()));
            }
            if (c.status() != CustomerStatus.ACTIVE) {
                throw new ConflictException(c.id() == survivorId ? "survivorId" : "otherId",
                        "customer " + c.id() + " is " + c.status().name().toLowerCase() + " and cannot be merged");
            }
        }
        Map<String, String> choices = SurvivingValues.choices(survivor, other, fields);
        CustomerData after = SurvivingValues.merged(survivor, other, choices);
        Instant now = clock.instant();

        MergeJournal journal = new MergeJournal();
        journal.moved("customer.survivor", "", List.of(), snapshot(survivor));
        journal.moved("customer.after", "", List.of(), snapshot(after, survivor));
        if (other.loyaltyNumber() != null && other.loyaltyNumber().equals(after.loyaltyNumber())) {
            // The number moves to the survivor; the unique key wants it off the other record first.
            jdbc.sql("update customer set loyalty_number = null where id = ?").param(otherId).update();
            journal.moved("customer.other.loyaltyNumber", "", List.of(other.loyaltyNumber()));
        }
        jdbc.sql("""
                update customer set status = 'MERGED', merged_into = :survivor, merged_at = :now, updated_at = :now,
                                    version = version + 1
                where id = :other""").param("survivor", survivorId).param("now", Timestamp.from(now))
                .param("other", otherId).update();
        applyToSurvivor(survivorId, survivor, after, now);

        long mergeId = jdbc.sql("""
                insert into customer_merge (survivor_id, merged_id, pair_id, automatic, fields, moved, evidence,
                                            probability, merged_by, merged_at)
                values (?, ?, ?, ?, jsonb_object(?::text[], ?::text[]), '{}', ?::jsonb, ?, ?, ?) returning id""")
                .params(survivorId, otherId, origin.pairId(), origin.automatic(),
                        choices.keySet().toArray(String[]::new), choices.values().toArray(String[]::new),
                        origin.evidence(), origin.probability(), origin.actor(), Timestamp.from(now))
                .query(Long.class).single();
        events.publishEvent(new CustomersMerged(mergeId, survivorId, otherId, origin.actor(), origin.automatic(),
                journal));
        saveJournal(mergeId, journal);
        Map<String, Long> moved = journal.movedCounts();
        jdbc.sql("update customer_merge set moved = jsonb_object(?::text[], ?::text[]) where id = ?")
                .params(moved.keySet().toArray(String[]::new),
                        moved.values().stream().map(String::valueOf).toArray(String[]::new), mergeId)
                .update();
        events.publishEvent(CustomersChanged.of(List.of(survivorId, otherId)));
        events.publishEvent(new CustomersStored(List.of(survivorId)));
        log.info("Merged customer {} into {} (merge {}, by {}{})", otherId, survivorId, mergeId, origin.actor(),
                origin.automatic() ? ", automatically" : "");
        return new MergeResult(mergeId, survivorId, otherId, new java.util.TreeMap<>(moved));
    }

    /**
     * Undoes a merge: both customers and every moved row as they were, minus what arrived after the merge (which
     * stays with the survivor). 409 past the window, when undone already, or when the survivor has since been
     * merged into another customer (undo that merge first).
     */
    @Transactional
    public void undo(long mergeId, String actor) {
        MergeView merge = find(mergeId).orElseThrow(() -> new NotFoundException("no merge with id " + mergeId));
        if (merge.undoneAt() != null) {
            throw new ConflictException("mergeId", "merge " + mergeId + " was already undone by " + merge.undoneBy());
        }
        if (!merge.undoable()) {
            throw new ConflictException("mergeId", "merge " + mergeId + " is older than the undo window ("
                    + undoWindow.toDays() + " days)");
        }
        lock(merge.survivorId(), merge.mergedId());
        CustomerDetails survivor = row(merge.survivorId());
        CustomerDetails merged = row(merge.mergedId());
        if (survivor.status() == CustomerStatus.MERGED) {
            throw new ConflictException("mergeId", "customer " + survivor.id() + " has since been merged into customer "
                    + mergedInto(survivor.id()) + "; undo that merge first");
        }
        if (merged.status() != CustomerStatus.MERGED || !Long.valueOf(merge.survivorId()).equals(mergedInto(merged.id()))) {
            throw new ConflictException("mergeId", "customer " + merged.id() + " is no longer merged into customer "
                    + survivor.id());
        }
        MergeJournal journal = loadJournal(mergeId);
        Instant now = clock.instant();
        jdbc.sql("""
                update customer set status = 'ACTIVE', merged_into = null, merged_at = null, updated_at = :now,
                                    version = version + 1
                where id = :id""").param("now", Timestamp.from(now)).param("id", merged.id()).update();
        restoreSurvivor(survivor, journal, now);
        for (String number : journal.keys("customer.other.loyaltyNumber")) {
            jdbc.sql("update customer set loyalty_number = ? where id = ? and loyalty_number is null")
                    .params(number, merged.id()).update();
        }
        events.publishEvent(new MergeUndone(mergeId, survivor.id(), merged.id(), actor, journal));
        jdbc.sql("update customer_merge set undone_by = ?, undone_at = ? where id = ?")
                .params(actor, Timestamp.from(now), mergeId).update();
        jdbc.sql("delete from customer_merge_journal where merge_id = ?").param(mergeId).update();
        events.publishEvent(CustomersChanged.of(List.of(survivor.id(), merged.id())));
        events.publishEvent(new CustomersStored(List.of(survivor.id(), merged.id())));
        log.info("Undid merge {} (customer {} out of {}), by {}", mergeId, merged.id(), survivor.id(), actor);
    }

    public Optional<MergeView> find(long mergeId) {
        return jdbc.sql("select * from customer_merge where id = ?").param(mergeId).query(this::view).optional();
    }

    /** The merges a customer took part in, newest first. */
    public List<MergeView> mergesOf(long customerId) {
        return jdbc.sql("select * from customer_merge where survivor_id = ? or merged_id = ? order by id desc limit 50")
                .params(customerId, customerId).query(this::view).list();
    }

    /** The newest merges, for the console's history. */
    public List<MergeView> recent(int limit) {
        return jdbc.sql("select * from customer_merge order by id desc limit ?").param(limit).query(this::view).list();
    }

    /**
     * Undo data is personal data (the values a merge replaced): once a merge can no longer be undone, it goes. Runs
     * hourly; the merge record itself (ids, who, when, evidence) stays as the audit.
     */
    @Scheduled(fixedDelayString = "${crm.identity.journal-purge-delay:1h}", initialDelayString = "1m")
    @Transactional
    public int purgeExpiredJournals() {
        int purged = jdbc.sql("""
                delete from customer_merge_journal j using customer_merge m
                where m.id = j.merge_id and m.merged_at < ?""")
                .param(Timestamp.from(clock.instant().minus(undoWindow))).update();
        if (purged > 0) {
            log.info("Purged the undo data of {} expired merge journal parts", purged);
        }
        return purged;
    }

    private MergeView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        double probability = rs.getDouble("probability");
        Double p = rs.wasNull() ? null : probability;
        Map<String, Long> moved = new java.util.TreeMap<>();
        String json = rs.getString("moved");
        long id = rs.getLong("id");
        jdbc.sql("select key, value from jsonb_each_text(?::jsonb)").param(json)
                .query((r, k) -> moved.put(r.getString(1), Long.parseLong(r.getString(2)))).list();
        Instant mergedAt = rs.getTimestamp("merged_at").toInstant();
        Timestamp undoneAt = rs.getTimestamp("undone_at");
        boolean undoable = undoneAt == null && mergedAt.isAfter(clock.instant().minus(undoWindow));
        return new MergeView(id, rs.getLong("survivor_id"), rs.getLong("merged_id"), rs.getBoolean("automatic"),
                rs.getString("merged_by"), mergedAt, rs.getString("undone_by"),
                undoneAt == null ? null : undoneAt.toInstant(), moved, p, undoable);
    }

    private void lock(long a, long b) {
        try {
            template.execute("set local lock_timeout = '5s'");
            List<Long> locked = jdbc.sql("select id from customer where id = any(?) order by id for update")
                    .param(new Long[] {Math.min(a, b), Math.max(a, b)}).query(Long.class).list();
            if (!locked.contains(a)) {
                throw new NotFoundException("no customer with id " + a);
            }
            if (!locked.contains(b)) {
                throw new NotFoundException("no customer with id " + b);
            }
        } catch (PessimisticLockingFailureException e) {
            throw new ConflictException("customer", "customers " + a + " and " + b
                    + " are taking part in another merge or change right now; try again");
        }
    }

    private CustomerDetails row(long id) {
        return jdbc.sql("select * from customer where id = ?").param(id).query(CustomerService::row).optional()
                .orElseThrow(() -> new NotFoundException("no customer with id " + id));
    }

    private @Nullable Long mergedInto(long id) {
        return jdbc.sql("select merged_into from customer where id = ?").param(id).query(Long.class).optional()
                .orElse(null);
    }

    private void applyToSurvivor(long id, CustomerDetails before, CustomerData after, Instant now) {
        boolean consentChanged = before.marketingConsent() != after.marketingConsent();
        jdbc.sql("""
                update customer set first_name = :firstName, last_name = :lastName, email = :email, phone = :phone,
                       loyalty_number = :loyaltyNumber, locale = :locale, city = :city, country = :country,
                       birth_date = :birthDate, street = :street, postal_code = :postalCode, region = :region,
                       marketing_consent = :consent,
                       consent_changed_at = case when :consentChanged then :now else consent_changed_at end,
                       updated_at = :now, version = version + 1
                where id = :id""")
                .param("firstName", after.firstName()).param("lastName", after.lastName())
                .param("email", after.email()).param("phone", after.phone())
                .param("loyaltyNumber", after.loyaltyNumber()).param("locale", after.locale())
                .param("city", after.city()).param("country", after.country()).param("birthDate", after.birthDate())
                .param("street", after.street()).param("postalCode", after.postalCode())
                .param("region", after.region()).param("consent", after.marketingConsent())
                .param("consentChanged", consentChanged).param("now", Timestamp.from(now)).param("id", id).update();
    }

    /** Puts back each survivor field the merge changed, unless it was changed again since. */
    private void restoreSurvivor(CustomerDetails current, MergeJournal journal, Instant now) {
        Map<String, @Nullable String> before = journal.data("customer.survivor");
        Map<String, @Nullable String> after = journal.data("customer.after");
        Map<String, @Nullable String> now0 = snapshot(current);
        List<String> sets = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (Map.Entry<String, String> column : COLUMNS.entrySet()) {
            String field = column.getKey();
            boolean restore = !java.util.Objects.equals(before.get(field), after.get(field))
                    && java.util.Objects.equals(now0.get(field), after.get(field));
            if ("consentChangedAt".equals(field)) {
                // The time of the consent goes back with the consent itself.
                restore = sets.stream().anyMatch(set -> set.startsWith("marketing_consent "));
            }
            if (restore) {
                sets.add(column.getValue() + " = ?" + ("birthDate".equals(field) ? "::date"
                        : "marketingConsent".equals(field) ? "::boolean"
                        : "consentChangedAt".equals(field) ? "::timestamptz" : ""));
                params.add(before.get(field));
            }
        }
        if (sets.isEmpty()) {
            return;
        }
        params.add(Timestamp.from(now));
        params.add(current.id());
        template.update("update customer set " + String.join(", ", sets)
                + ", updated_at = ?, version = version + 1 where id = ?", params.toArray());
    }

    /** Field → column of what a merge may change on the survivor. */
    private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("firstName", "first_name");
        COLUMNS.put("lastName", "last_name");
        COLUMNS.put("email", "email");
        COLUMNS.put("phone", "phone");
        COLUMNS.put("loyaltyNumber", "loyalty_number");
        COLUMNS.put("locale", "locale");
        COLUMNS.put("birthDate", "birth_date");
        COLUMNS.put("street", "street");
        COLUMNS.put("postalCode", "postal_code");
        COLUMNS.put("city", "city");
        COLUMNS.put("region", "region");
        COLUMNS.put("country", "country");
        COLUMNS.put("marketingConsent", "marketing_consent");
        COLUMNS.put("consentChangedAt", "consent_changed_at");
    }

    private static Map<String, @Nullable String> snapshot(CustomerDetails c) {
        Map<String, @Nullable String> m = new LinkedHashMap<>();
        m.put("firstName", c.firstName());
        m.put("lastName", c.lastName());
        m.put("email", c.email());
        m.put("phone", c.phone());
        m.put("loyaltyNumber", c.loyaltyNumber());
        m.put("locale", c.locale());
        m.put("birthDate", c.birthDate() == null ? null : c.birthDate().toString());
        m.put("street", c.street());
        m.put("postalCode", c.postalCode());
        m.put("city", c.city());
        m.put("region", c.region());
        m.put("country", c.country());
        m.put("marketingConsent", Boolean.toString(c.marketingConsent()));
        m.put("consentChangedAt", c.consentChangedAt() == null ? null : c.consentChangedAt().toString());
        return m;
    }

    /** The survivor's values after the merge, in the form of {@link #snapshot(CustomerDetails)}. */
    private static Map<String, @Nullable String> snapshot(CustomerData after, CustomerDetails before) {
        Map<String, @Nullable String> m = snapshot(before);
        m.put("firstName", after.firstName());
        m.put("lastName", after.lastName());
        m.put("email", after.email());
        m.put("phone", after.phone());
        m.put("loyaltyNumber", after.loyaltyNumber());
        m.put("locale", after.locale());
        m.put("birthDate", after.birthDate() == null ? null : after.birthDate().toString());
        m.put("street", after.street());
        m.put("postalCode", after.postalCode());
        m.put("city", after.city());
        m.put("region", after.region());
        m.put("country", after.country());
        m.put("marketingConsent", Boolean.toString(after.marketingConsent()));
        // consentChangedAt: the merge sets it to "now" when consent changes; restoring it restores the old time.
        return m;
    }

    private void saveJournal(long mergeId, MergeJournal journal) {
        for (Map.Entry<String, MergeJournal.Part> e : journal.parts().entrySet()) {
            Map<String, @Nullable String> data = e.getValue().data();
            template.update(con -> {
                PreparedStatement ps = con.prepareStatement("""
                        insert into customer_merge_journal (merge_id, part, keys, data)
                        values (?, ?, ?, case when cardinality(?::text[]) = 0 then null
                                              else jsonb_object(?::text[], ?::text[]) end)""");
                ps.setLong(1, mergeId);
                ps.setString(2, e.getKey());
                ps.setArray(3, SqlArrays.text(con, e.getValue().keys().toArray()));
                Object[] keys = data.keySet().toArray();
                ps.setArray(4, SqlArrays.text(con, keys));
                ps.setArray(5, SqlArrays.text(con, keys));
                ps.setArray(6, SqlArrays.text(con, data.values().toArray()));
                return ps;
            });
        }
    }

    private MergeJournal loadJournal(long mergeId) {
        Map<String, MergeJournal.Part> parts = new LinkedHashMap<>();
        template.query("select part, keys, data::text from customer_merge_journal where merge_id = ?", rs -> {
            String part = rs.getString(1);
            String[] keys = (String[]) rs.getArray(2).getArray();
            Map<String, @Nullable String> data = new LinkedHashMap<>();
            String json = rs.getString(3);
            if (json != null) {
                jdbc.sql("select key, value from jsonb_each_text(?::jsonb)").param(json)
                        .query((r, k) -> {
                            data.put(r.getString(1), r.getString(2));
                            return null;
                        }).list();
            }
            parts.put(part, new MergeJournal.Part(List.of(keys), data));
        }, mergeId);
        if (parts.isEmpty()) {
            throw new ConflictException("mergeId", "the undo data of merge " + mergeId + " is gone");
        }
        return new MergeJournal(parts);
    }
}
