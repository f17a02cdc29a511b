package io.trinity.duplicates;

import io.trinity.customer.CustomersMerged;
import io.trinity.customer.MergeUndone;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The queue's part of a merge: the pair of the two records is marked merged, the merged record's other open pairs
 * and keys go (the survivor is checked again after the merge), and each "not the same person" said about the merged
 * record now holds for the survivor too. An undo marks the pair rejected, so the matcher does not merge it again,
 * and takes back the rejections the merge carried over. Both are audited.
 */
@Component
class DuplicateMerges {

    private final JdbcTemplate jdbc;

    private final IdentityProposals proposals;

    DuplicateMerges(JdbcTemplate jdbc, IdentityProposals proposals) {
        this.jdbc = jdbc;
        this.proposals = proposals;
    }

    @EventListener
    void on(CustomersMerged merge) {
        long a = Math.min(merge.survivorId(), merge.mergedId());
        long b = Math.max(merge.survivorId(), merge.mergedId());
        jdbc.update("""
                update duplicate_pair set status = 'merged', decided_by = ?, decided_at = now()
                where customer_a = ? and customer_b = ?""", merge.actor(), a, b);
        jdbc.update("""
                delete from duplicate_pair where status = 'open' and (customer_a = ? or customer_b = ?)""",
                merge.mergedId(), merge.mergedId());
        List<Long> carried = jdbc.queryForList("""
                insert into duplicate_pair (customer_a, customer_b, cluster_id, probability, band, status, evidence,
                                            decided_by, decided_at)
                select least(o.other, ?), greatest(o.other, ?), least(o.other, ?), p.probability, p.band, 'rejected',
                       p.evidence, p.decided_by, p.decided_at
                from duplicate_pair p
                cross join lateral (select case when p.customer_a = ? then p.customer_b else p.customer_a end) o(other)
                where p.status = 'rejected' and (p.customer_a = ? or p.customer_b = ?) and o.other <> ?
                on conflict (customer_a, customer_b) do nothing
                returning id""", Long.class, merge.survivorId(), merge.survivorId(), merge.survivorId(),
                merge.mergedId(), merge.mergedId(), merge.mergedId(), merge.survivorId());
        merge.journal().moved("duplicates.carriedRejections", "", carried);
        jdbc.update("delete from duplicate_key where customer_id = ?", merge.mergedId());
        proposals.forgetOpen(merge.mergedId());
        jdbc.update("""
                insert into duplicate_audit (action, actor, automatic, pair_id, merge_id, customer_ids, probability,
                                             evidence)
                select 'MERGED', ?, ?, p.id, ?, array[?, ?]::bigint[], p.probability, p.evidence
                from (select 1) one left join duplicate_pair p on p.customer_a = ? and p.customer_b = ?""",
                merge.actor(), merge.automatic(), merge.mergeId(), merge.survivorId(), merge.mergedId(), a, b);
    }

    @EventListener
    void on(MergeUndone undo) {
        long a = Math.min(undo.survivorId(), undo.mergedId());
        long b = Math.max(undo.survivorId(), undo.mergedId());
        jdbc.update("""
                update duplicate_pair set status = 'rejected', decided_by = ?, decided_at = now()
                where customer_a = ? and customer_b = ?""", undo.actor(), a, b);
        List<Long> carried = undo.journal().ids("duplicates.carriedRejections");
        if (!carried.isEmpty()) {
            jdbc.update(con -> {
                var ps = con.prepareStatement("delete from duplicate_pair where id = any(?) and status = 'rejected'");
                ps.setArray(1, con.createArrayOf("bigint", carried.toArray()));
                return ps;
            });
        }
        jdbc.update("""
                insert into duplicate_audit (action, actor, merge_id, customer_ids)
                values ('UNDONE', ?, ?, array[?, ?]::bigint[])""", undo.actor(), undo.mergeId(), undo.survivorId(),
                undo.mergedId());
    }
}
