package io.trinity.loyalty;

import io.trinity.loyalty.internal.LoyaltyEvent;
import io.trinity.loyalty.internal.LoyaltyEngine;
import io.trinity.scoring.CustomerValues;
import io.trinity.scoring.ScoringRunSucceeded;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily pass: expires points past their date, moves members whose window earnings changed tier, and gives
 * birthday rewards; and after each scoring run, segment-entry rewards. Each step is idempotent, so a pass run
 * twice (or on two instances) gives nothing twice.
 */
@Component
public class LoyaltyJobs {

    private static final Logger log = LoggerFactory.getLogger(LoyaltyJobs.class);

    private final LoyaltyAccounts accounts;
    private final LoyaltyEngine engine;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final CustomerValues values;

    LoyaltyJobs(LoyaltyAccounts accounts, LoyaltyEngine engine, JdbcClient jdbc, Clock clock, CustomerValues values) {
        this.values = values;
        this.accounts = accounts;
        this.engine = engine;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(cron = "${crm.loyalty.schedule:0 30 2 * * *}", zone = "UTC")
    void scheduled() {
        try {
            daily();
        } catch (RuntimeException e) {
            log.error("The daily loyalty pass failed; it will run again tomorrow", e);
        }
    }

    /** What one pass did. */
    public record Pass(long pointsExpired, int tierMoves, int birthdays) {
    }

    @Transactional
    public Pass daily() {
        Instant now = clock.instant();
        long expired = accounts.expire(now);
        int moves = accounts.recomputeTiers(null);
        int birthdays = birthdays(now.atOffset(ZoneOffset.UTC).toLocalDate());
        log.info("Loyalty pass: {} points expired, {} tier moves, {} birthday events", expired, moves, birthdays);
        return new Pass(expired, moves, birthdays);
    }

    /** Birthday events of the day, one per customer per year. */
    @Transactional
    public int birthdays(LocalDate day) {
        if (!engine.activeTriggers().contains(Trigger.BIRTHDAY)) {
            return 0;
        }
        List<Long> ids = jdbc.sql("select id from customer_directory where birth_date is not null"
                        + " and extract(month from birth_date) = ? and extract(day from birth_date) = ?")
                .params(day.getMonthValue(), day.getDayOfMonth()).query(Long.class).list();
        Instant at = day.atStartOfDay().toInstant(ZoneOffset.UTC);
        int events = 0;
        for (int i = 0; i < ids.size(); i += 5000) {
            events += engine.process(ids.subList(i, Math.min(ids.size(), i + 5000)).stream()
                    .map(id -> LoyaltyEvent.simple("birthday:" + id + ":" + day.getYear(), Trigger.BIRTHDAY, id, at,
                            null, null)).toList()).events();
        }
        return events;
    }

    /** Segment entries after a scoring run: one event per customer who entered a segment in that run. */
    @Transactional
    public int segmentsEntered(long runId, List<CustomerValues.SegmentEntry> entries) {
        if (entries.isEmpty() || !engine.activeTriggers().contains(Trigger.SEGMENT_ENTERED)) {
            return 0;
        }
        Instant now = clock.instant();
        return engine.process(entries.stream().map(e -> LoyaltyEvent.simple("segment:" + runId + ":"
                + e.customerId(), Trigger.SEGMENT_ENTERED, e.customerId(), now, null, e.segment())).toList()).events();
    }

    public boolean wantsSegmentEntries() {
        return engine.activeTriggers().contains(Trigger.SEGMENT_ENTERED);
    }

    /**
     * After a scoring run is published, who entered a segment (another segment than in the previous run, or none
     * before) earns what "entered a segment" rules give, in chunks. Delivered after the run's commit through the
     * event publication registry, so an interruption is made good at the next start; the source keys make a
     * second delivery earn nothing more.
     */
    @ApplicationModuleListener
    void runSucceeded(ScoringRunSucceeded run) {
        if (!wantsSegmentEntries()) {
            return;
        }
        long after = 0;
        while (true) {
            List<CustomerValues.SegmentEntry> entries = values.segmentEntries(run.runId(), run.previousRunId(),
                    after, 10_000);
            if (entries.isEmpty()) {
                return;
            }
            segmentsEntered(run.runId(), entries);
            after = entries.get(entries.size() - 1).customerId();
        }
    }
}
