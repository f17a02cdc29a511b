package io.trinity.loyalty;

import io.trinity.customer.CustomerService;
import io.trinity.shared.ConflictException;
import io.trinity.shared.FieldError;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.Money;
import io.trinity.shared.NotFoundException;
import io.trinity.shared.TextRules;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rewards catalogue and redemption. A redemption takes one from stock and the points from the balance with
 * two guarded updates in one transaction: if either guard fails nothing is taken, and row locks make concurrent
 * redemptions queue, so stock and balance can never be overspent.
 */
@Service
public class Rewards {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final Set<String> KINDS = Set.of("GIFT", "DISCOUNT_CODE", "STORE_CREDIT");

    private final JdbcClient jdbc;
    private final LoyaltyAccounts accounts;
    private final CustomerService customers;

    Rewards(JdbcClient jdbc, LoyaltyAccounts accounts, CustomerService customers) {
        this.customers = customers;
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** Catalogue input as received. */
    public record RewardDraft(@Nullable String name, @Nullable String kind, @Nullable String description,
            @Nullable Long pointsPrice, @Nullable Integer stock, @Nullable String credit,
            @Nullable String creditCurrency, @Nullable Boolean active) {
    }

    public List<RewardView> list() {
        return jdbc.sql("select * from reward order by active desc, points_price, id").query(Rewards::row).list();
    }

    public RewardView get(long id) {
        return jdbc.sql("select * from reward where id = ?").param(id).query(Rewards::row).optional()
                .orElseThrow(() -> new NotFoundException("no reward " + id));
    }

    @Transactional
    public RewardView create(RewardDraft draft) {
        Clean c = clean(draft);
        long id = jdbc.sql("""
                        insert into reward (name, kind, description, points_price, stock, credit_minor, credit_currency,
                                            active) values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(c.name, c.kind, c.description, c.price, c.stock, c.creditMinor, c.creditCurrency, c.active)
                .query(Long.class).single();
        return get(id);
    }

    @Transactional
    public RewardView update(long id, RewardDraft draft) {
        get(id);
        Clean c = clean(draft);
        jdbc.sql("""
                        update reward set name = ?, kind = ?, description = ?, points_price = ?, stock = ?,
                                          credit_minor = ?, credit_currency = ?, active = ? where id = ?""")
                .params(c.name, c.kind, c.description, c.price, c.stock, c.creditMinor, c.creditCurrency, c.active, id)
                .update();
        return get(id);
    }

    private record Clean(String name, String kind, @Nullable String description, long price,
            @Nullable Integer stock, @Nullable Long creditMinor, @Nullable String creditCurrency, boolean active) {
    }

    private static Clean clean(RewardDraft d) {
        List<FieldError> errors = new ArrayList<>();
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty() || name.length() > 120 || !TextRules.isStorable(name, false)) {
            errors.add(new FieldError("name", "is required, at most 120 characters"));
        }
        String kind = d.kind() == null ? "" : d.kind().strip().toUpperCase(Locale.ROOT).replace('-', '_');
        if (!KINDS.contains(kind)) {
            errors.add(new FieldError("kind", "must be GIFT, DISCOUNT_CODE or STORE_CREDIT"));
        }
        String description = d.description() == null || d.description().isBlank() ? null : d.description().strip();
        if (description != null && (description.length() > 1000 || !TextRules.isStorable(description, true))) {
            errors.add(new FieldError("description", "must be at most 1,000 characters"));
        }
        if (d.pointsPrice() == null || d.pointsPrice() < 0 || d.pointsPrice() > 100_000_000) {
            errors.add(new FieldError("pointsPrice", "is required: 0 to 100,000,000 points (0: given by rules only,"
                    + " never redeemed for points)"));
        }
        if (d.stock() != null && d.stock() < 0) {
            errors.add(new FieldError("stock", "must not be negative (leave it empty for unlimited)"));
        }
        Long creditMinor = null;
        String currency = null;
        if ("STORE_CREDIT".equals(kind)) {
            if (d.credit() == null || d.credit().isBlank() || d.creditCurrency() == null) {
                errors.add(new FieldError("credit", "a store credit needs an amount and a currency"));
            } else {
                try {
                    Money money = Money.parse(d.credit(), d.creditCurrency());
                    if (money.minor() <= 0) {
                        errors.add(new FieldError("credit", "must be positive"));
                    }
                    creditMinor = money.minor();
                    currency = money.currency().getCurrencyCode();
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("credit", e.getMessage()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Clean(name, kind, description, d.pointsPrice(), d.stock(), creditMinor, currency,
                d.active() == null || d.active());
    }

    /** What a member got for their points. */
    public record Redeemed(long redemptionId, long rewardId, String rewardName, long points, long balance,
            @Nullable String code) {
    }

    @Transactional
    public Redeemed redeem(long customerId, long rewardId, String actor) {
        if (!customers.exists(customerId)) {
            throw new NotFoundException("no customer " + customerId);
        }
        RewardView reward = jdbc.sql("select * from reward where id = ? for update").param(rewardId)
                .query(Rewards::row).optional()
                .orElseThrow(() -> new InvalidInputException("rewardId", "no reward " + rewardId));
        if (!reward.active()) {
            throw new ConflictException("rewardId", "reward " + rewardId + " is not offered any more");
        }
        if (reward.pointsPrice() <= 0) {
            // A reward with no price is what rules give away (referral credit, a bonus); redeeming it at will
            // would hand out as many as anyone asks for.
            throw new ConflictException("rewardId", "'" + reward.name() + "' is given by reward rules only and "
                    + "cannot be redeemed for points");
        }
        if (reward.stock() != null) {
            int taken = jdbc.sql("update reward set stock = stock - 1 where id = ? and stock > 0").param(rewardId)
                    .update();
            if (taken == 0) {
                throw new ConflictException("rewardId", "'" + reward.name() + "' is out of stock");
            }
        }
        if (reward.pointsPrice() > 0) {
            int paid = jdbc.sql("update loyalty_account set balance = balance - ?, updated_at = now()"
                            + " where customer_id = ? and balance >= ?")
                    .params(reward.pointsPrice(), customerId, reward.pointsPrice()).update();
            if (paid == 0) {
                // Throwing rolls back the stock taken above.
                throw new ConflictException("rewardId", "the balance is less than the price of '" + reward.name()
                        + "' (" + reward.pointsPrice() + " points)");
            }
        }
        Long ledgerId = null;
        if (reward.pointsPrice() > 0) {
            ledgerId = jdbc.sql("""
                            insert into loyalty_ledger (customer_id, kind, points, actor, reason, occurred_at)
                            values (?, 'REDEEM', ?, ?, ?, now()) returning id""")
                    .params(customerId, -reward.pointsPrice(), actor, "redeemed: " + reward.name())
                    .query(Long.class).single();
        }
        String code = reward.kind().equals("DISCOUNT_CODE") ? newCode() : null;
        long id = jdbc.sql("""
                        insert into redemption (customer_id, reward_id, points, ledger_id, code, created_by)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(customerId, rewardId, reward.pointsPrice(), ledgerId, code, actor)
                .query(Long.class).single();
        return new Redeemed(id, rewardId, reward.name(), reward.pointsPrice(), accounts.balance(customerId), code);
    }

    public static String newCode() {
        StringBuilder code = new StringBuilder("TRI-");
        for (int i = 0; i < 10; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    static RewardView row(ResultSet rs, int n) throws SQLException {
        return new RewardView(rs.getLong("id"), rs.getString("name"), rs.getString("kind"),
                rs.getString("description"), rs.getLong("points_price"), RewardRules.nullableInt(rs, "stock"),
                RewardRules.nullableLong(rs, "credit_minor"), rs.getString("credit_currency"),
                rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant());
    }
}
