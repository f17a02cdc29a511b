package io.trinity.loyalty;

import io.trinity.customer.CustomersMerged;
import io.trinity.customer.MergeJournal;
import io.trinity.customer.MergeUndone;
import io.trinity.shared.ConflictException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loyalty's part of a merge: every ledger entry of the merged member is re-attributed to the survivor (the one
 * change the append-only ledger allows, and only inside this transaction), with the evaluated events, redemptions,
 * tier history, perks the survivor lacks, the referral code when the survivor has none, and referrals on both
 * sides. Both balances are then the sums of their entries and the survivor's tier is recomputed from what it
 * earned, so no point is lost or counted twice. An undo gives back exactly those rows, and is refused when the
 * survivor has since spent points the other record brings back with it.
 */
@Component
class LoyaltyMerges {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final LoyaltyAccounts accounts;

    LoyaltyMerges(JdbcClient jdbc, JdbcTemplate template, LoyaltyAccounts accounts) {
        this.jdbc = jdbc;
        this.template = template;
        this.accounts = accounts;
    }

    @EventListener
    void on(CustomersMerged merge) {
        long survivor = merge.survivorId();
        long merged = merge.mergedId();
        MergeJournal journal = merge.journal();
        journal.moved("loyalty.accounts", "", List.of(), Map.of(
                "survivor", account(survivor), "merged", account(merged)));
        reattribute(true);
        List<Long> ledger = jdbc.sql("update loyalty_ledger set customer_id = ? where customer_id = ? returning id")
                .params(survivor, merged).query(Long.class).list();
        reattribute(false);
        journal.moved("loyalty.ledger", "ledgerEntries", ledger);
        journal.moved("loyalty.events", "", jdbc.sql(
                        "update loyalty_event set customer_id = ? where customer_id = ? returning source_key")
                .params(survivor, merged).query(String.class).list());
        journal.moved("loyalty.redemptions", "redemptions", jdbc.sql(
                        "update redemption set customer_id = ? where customer_id = ? returning id")
                .params(survivor, merged).query(Long.class).list());
        journal.moved("loyalty.tierChanges", "", jdbc.sql(
                        "update loyalty_tier_change set customer_id = ? where customer_id = ? returning id")
                .params(survivor, merged).query(Long.class).list());
        journal.moved("loyalty.perks", "perks", jdbc.sql("""
                        update customer_perk p set customer_id = :survivor where p.customer_id = :merged
                          and not exists (select 1 from customer_perk s where s.customer_id = :survivor
                                          and s.perk = p.perk)
                        returning p.id""")
                .param("survivor", survivor).param("merged", merged).query(Long.class).list());
        journal.moved("loyalty.referralCode", "", jdbc.sql("""
                        update referral_code set customer_id = :survivor where customer_id = :merged
                          and not exists (select 1 from referral_code where customer_id = :survivor)
                        returning code""")
                .param("survivor", survivor).param("merged", merged).query(String.class).list());
        // A referral between the two records would become self-referral: it stays on the merged record.
        journal.moved("loyalty.referralsMade", "referrals", jdbc.sql("""
                        update referral set referrer_id = :survivor where referrer_id = :merged
                          and referred_id <> :survivor returning id""")
                .param("survivor", survivor).param("merged", merged).query(Long.class).list());
        journal.moved("loyalty.referredBy", "", jdbc.sql("""
                        update referral set referred_id = :survivor where referred_id = :merged
                          and referrer_id <> :survivor
                          and not exists (select 1 from referral where referred_id = :survivor)
                        returning id""")
                .param("survivor", survivor).param("merged", merged).query(Long.class).list());
        if (!ledger.isEmpty() || !"".equals(journal.data("loyalty.accounts").get("merged"))) {
            jdbc.sql("insert into loyalty_account (customer_id, balance) values (?, 0) on conflict do nothing")
                    .param(survivor).update();
        }
        // The merged record holds no points now; its account comes back (as it was) only with an undo.
        jdbc.sql("delete from loyalty_account where customer_id = ?").param(merged).update();
        rebalance(survivor);
        accounts.recomputeTiers(List.of(survivor));
    }

    @EventListener
    void on(MergeUndone undo) {
        long survivor = undo.survivorId();
        long merged = undo.mergedId();
        MergeJournal journal = undo.journal();
        List<Long> ledger = journal.ids("loyalty.ledger");
        if (!ledger.isEmpty()) {
            reattribute(true);
            jdbc.sql("update loyalty_ledger set customer_id = ? where id = any(?) and customer_id = ?")
                    .params(merged, ledger.toArray(Long[]::new), survivor).update();
            reattribute(false);
        }
        back("update loyalty_event set customer_id = ? where source_key = any(?) and customer_id = ?",
                merged, journal.keys("loyalty.events"), survivor);
        backIds("update redemption set customer_id = ? where id = any(?) and customer_id = ?", merged,
                journal.ids("loyalty.redemptions"), survivor);
        backIds("update loyalty_tier_change set customer_id = ? where id = any(?) and customer_id = ?", merged,
                journal.ids("loyalty.tierChanges"), survivor);
        backIds("update customer_perk set customer_id = ? where id = any(?) and customer_id = ?", merged,
                journal.ids("loyalty.perks"), survivor);
        back("update referral_code set customer_id = ? where code = any(?) and customer_id = ?", merged,
                journal.keys("loyalty.referralCode"), survivor);
        backIds("update referral set referrer_id = ? where id = any(?) and referrer_id = ?", merged,
                journal.ids("loyalty.referralsMade"), survivor);
        backIds("update referral set referred_id = ? where id = any(?) and referred_id = ?", merged,
                journal.ids("loyalty.referredBy"), survivor);

        Map<String, @Nullable String> before = journal.data("loyalty.accounts");
        long survivorSum = accounts.ledgerSum(survivor);
        if (survivorSum < 0) {
            throw new ConflictException("mergeId", "customer " + survivor + " has spent " + (-survivorSum)
                    + " points more than its own since the merge; undoing it would leave a negative balance");
        }
        restore(survivor, before.get("survivor"));
        restore(merged, before.get("merged"));
        rebalance(survivor, merged);
        accounts.recomputeTiers(List.of(survivor, merged));
    }

    /** The account as "tier|tier_since|updated_at", or empty when the member had none. */
    private String account(long customerId) {
        return jdbc.sql("select tier || '|' || tier_since::text || '|' || updated_at::text from loyalty_account"
                        + " where customer_id = ?").param(customerId).query(String.class).optional().orElse("");
    }

    /** Puts an account back as the journal holds it (its balance follows from the ledger afterwards). */
    private void restore(long customerId, @Nullable String saved) {
        if (saved == null) {
            return;
        }
        if (saved.isEmpty()) {
            boolean hasEntries = jdbc.sql("select exists (select 1 from loyalty_ledger where customer_id = ?)")
                    .param(customerId).query(Boolean.class).single();
            if (!hasEntries) {
                jdbc.sql("delete from loyalty_account where customer_id = ?").param(customerId).update();
            }
            return;
        }
        String[] parts = saved.split("\\|", 3);
        jdbc.sql("insert into loyalty_account (customer_id, balance, tier, tier_since, updated_at)"
                        + " values (?, 0, ?, ?::timestamptz, ?::timestamptz)"
                        + " on conflict (customer_id) do update set tier = excluded.tier,"
                        + " tier_since = excluded.tier_since, updated_at = excluded.updated_at")
                .params(customerId, parts[0], parts[1], parts[2]).update();
    }

    /** Balance is the ledger sum, always; set it from the ledger for both records. */
    private void rebalance(long... customers) {
        for (long id : customers) {
            jdbc.sql("""
                    update loyalty_account a set balance = s.total
                    from (select coalesce(sum(points), 0) as total from loyalty_ledger where customer_id = :id) s
                    where a.customer_id = :id and a.balance <> s.total""").param("id", id).update();
        }
    }

    /** Opens (or closes) the ledger's one exception for this transaction: re-attribution, nothing else. */
    private void reattribute(boolean on) {
        template.queryForObject("select set_config('trinity.ledger_reattribution', ?, true)", String.class,
                on ? "merge" : "");
    }

    private void back(String sql, long to, List<String> keys, long from) {
        if (!keys.isEmpty()) {
            jdbc.sql(sql).params(to, keys.toArray(String[]::new), from).update();
        }
    }

    private void backIds(String sql, long to, List<Long> ids, long from) {
        if (!ids.isEmpty()) {
            jdbc.sql(sql).params(to, ids.toArray(Long[]::new), from).update();
        }
    }
}
