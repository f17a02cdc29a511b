package io.trinity.duplicates;

import io.trinity.duplicates.internal.IdentityMatcher;
import io.trinity.duplicates.internal.MatchRecord;
import io.trinity.identity.IdentityStore;
import io.trinity.shared.ConflictException;
import io.trinity.shared.Cursor;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.NotFoundException;
import io.trinity.shared.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Social accounts linked to nobody, proposed for a customer ({@link IdentityMatcher}) on each full scan: a person
 * links or rejects each proposal; a rejected proposal is never made again, and nothing is linked automatically.
 */
@Service
public class IdentityProposals {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final int MAX_PAGE = 1000;

    /** A proposal as listed: the account, the customer, the score in bits and its reasons. */
    public record Proposal(long id, long identityId, String network, @Nullable String handle,
            @Nullable String displayName, long customerId, String customerName, double score,
            Map<String, Double> evidence, String status, Instant foundAt, @Nullable String decidedBy) {
    }

    private final JdbcTemplate jdbc;
    private final IdentityStore identities;
    private final IdentityMatcher matcher = new IdentityMatcher();

    IdentityProposals(JdbcTemplate jdbc, IdentityStore identities) {
        this.jdbc = jdbc;
        this.identities = identities;
    }

    /**
     * Replaces the open proposals with those the matcher finds for today's unlinked accounts (inside the caller's
     * transaction); decided proposals stay and are not made again. Answers how many are open.
     */
    long replaceAll(List<MatchRecord> customers) {
        List<IdentityMatcher.Account> accounts = jdbc.query("""
                select id, network, handle, display_name from identity_directory
                where customer_id is null and handle is not null""",
                (rs, n) -> new IdentityMatcher.Account(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)));
        List<IdentityMatcher.Proposal> found = new ArrayList<>(matcher.propose(customers, accounts));
        found.sort(java.util.Comparator.comparingDouble(IdentityMatcher.Proposal::score).reversed()
                .thenComparingLong(IdentityMatcher.Proposal::accountId));
        jdbc.update("delete from identity_proposal where status = 'open'");
        List<Object[]> rows = new ArrayList<>(found.size());
        for (IdentityMatcher.Proposal p : found) {
            rows.add(new Object[] {p.accountId(), customers.get(p.record()).id(), p.score(),
                    JSON.writeValueAsString(IdentityMatcher.asMap(p.reasons()))});
        }
        jdbc.batchUpdate("""
                insert into identity_proposal (identity_id, customer_id, score, evidence) values (?, ?, ?, ?::jsonb)
                on conflict (identity_id, customer_id) do nothing""", rows);
        return jdbc.queryForObject("select count(*) from identity_proposal where status = 'open'", Long.class);
    }

    /** Proposals by status (default open), best first, keyset-paged. */
    public Page<Proposal> list(@Nullable String status, int limit, @Nullable String after) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_PAGE);
        }
        String chosen = status == null || status.isBlank() ? "open" : status;
        if (!List.of("open", "linked", "rejected").contains(chosen)) {
            throw new InvalidInputException("status", "must be open, linked or rejected");
        }
        long afterId = after == null || after.isBlank() ? 0 : Cursor.decode(after);
        // A scan stores its proposals best first, so ids are in score order; paging by id keeps it stable.
        List<Proposal> rows = jdbc.query(SELECT + " where p.status = ? and p.id > ? order by p.id limit ?",
                IdentityProposals::row, chosen, afterId, limit + 1);
        if (rows.size() > limit) {
            List<Proposal> page = rows.subList(0, limit);
            return new Page<>(List.copyOf(page), Cursor.encode(page.get(limit - 1).id()));
        }
        return new Page<>(rows, null);
    }

    public long openCount() {
        return jdbc.queryForObject("select count(*) from identity_proposal where status = 'open'", Long.class);
    }

    public Optional<Proposal> find(long id) {
        return jdbc.query(SELECT + " where p.id = ?", IdentityProposals::row, id).stream().findFirst();
    }

    /** Links the account to the customer (as a manual link); other open proposals for the account are withdrawn. */
    @Transactional
    public Proposal link(long id, String actor) {
        Proposal p = decide(id);
        if (p.status().equals("linked")) {
            return p;
        }
        if (p.status().equals("rejected")) {
            throw new ConflictException("id", "proposal " + id + " was rejected");
        }
        identities.linkManually(p.identityId(), p.customerId());
        jdbc.update("update identity_proposal set status = 'linked', decided_by = ?, decided_at = now() where id = ?",
                actor, id);
        jdbc.update("delete from identity_proposal where identity_id = ? and status = 'open'", p.identityId());
        audit("LINKED_IDENTITY", actor, p);
        return find(id).orElseThrow();
    }

    /** "Not this customer": remembered, never proposed again. Idempotent. */
    @Transactional
    public Proposal reject(long id, String actor) {
        Proposal p = decide(id);
        if (p.status().equals("rejected")) {
            return p;
        }
        if (p.status().equals("linked")) {
            throw new ConflictException("id", "proposal " + id + " was linked; unlink the account instead");
        }
        jdbc.update("update identity_proposal set status = 'rejected', decided_by = ?, decided_at = now()"
                + " where id = ?", actor, id);
        audit("REJECTED_IDENTITY", actor, p);
        return find(id).orElseThrow();
    }

    private Proposal decide(long id) {
        jdbc.query("select id from identity_proposal where id = ? for update", rs -> { }, id);
        return find(id).orElseThrow(() -> new NotFoundException("no identity proposal with id " + id));
    }

    private void audit(String action, String actor, Proposal p) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("identityId", p.identityId());
        evidence.put("reasons", p.evidence());
        jdbc.update("""
                insert into duplicate_audit (action, actor, customer_ids, probability, evidence)
                values (?, ?, array[?]::bigint[], null, ?::jsonb)""", action, actor, p.customerId(),
                JSON.writeValueAsString(evidence));
    }

    /** A merged-away customer's open proposals go with it; the next scan proposes the survivor. */
    void forgetOpen(long customerId) {
        jdbc.update("delete from identity_proposal where customer_id = ? and status = 'open'", customerId);
    }

    private static final String SELECT = """
            select p.id, p.identity_id, i.network, i.handle, i.display_name, p.customer_id,
                   concat_ws(' ', c.first_name, c.last_name) as customer_name, p.score, p.evidence::text, p.status,
                   p.found_at, p.decided_by
            from identity_proposal p
            join identity_directory i on i.id = p.identity_id
            join customer_directory c on c.id = p.customer_id""";

    @SuppressWarnings("unchecked")
    private static Proposal row(ResultSet rs, int n) throws SQLException {
        Timestamp found = rs.getTimestamp("found_at");
        Map<String, Double> evidence = new LinkedHashMap<>();
        ((Map<String, Object>) JSON.readValue(rs.getString(9), Map.class))
                .forEach((k, v) -> evidence.put(k, ((Number) v).doubleValue()));
        return new Proposal(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getString(7), rs.getDouble(8), evidence, rs.getString(10), found.toInstant(),
                rs.getString(12));
    }
}
