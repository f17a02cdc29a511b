package io.trinity.loyalty;

import io.trinity.loyalty.internal.LoyaltyEvent;
import io.trinity.customer.CustomerService;
import io.trinity.order.OrdersStored;
import io.trinity.shared.ConflictException;
import io.trinity.shared.FieldError;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.NotFoundException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refer-a-friend: each customer's code, the referrals made with it, and their conversion when the referred
 * customer's first purchase arrives. Self-referrals, loops (A refers B, B refers A) and referring someone who
 * already bought are refused.
 */
@Service
public class Referrals {

    /** Key space of the advisory locks that serialise referral registrations per customer. */
    static final int REFERRAL_LOCK = 0x5ef1;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final JdbcClient jdbc;
    private final CustomerService customers;
    private final io.trinity.customer.CustomerResolver resolver;

    Referrals(JdbcClient jdbc, CustomerService customers, io.trinity.customer.CustomerResolver resolver) {
        this.resolver = resolver;
        this.customers = customers;
        this.jdbc = jdbc;
    }

    /** The customer's referral code, made on first request. */
    @Transactional
    public String codeFor(long requestedId) {
        requireCustomer(requestedId, "customerId");
        long customerId = resolver.current(requestedId);
        return jdbc.sql("select code from referral_code where customer_id = ?").param(customerId).query(String.class)
                .optional().orElseGet(() -> {
                    for (int attempt = 0; attempt < 5; attempt++) {
                        StringBuilder code = new StringBuilder();
                        for (int i = 0; i < 8; i++) {
                            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
                        }
                        int made = jdbc.sql("insert into referral_code (customer_id, code) values (?, ?)"
                                        + " on conflict do nothing")
                                .params(customerId, code.toString()).update();
                        if (made == 1) {
                            return code.toString();
                        }
                    }
                    return jdbc.sql("select code from referral_code where customer_id = ?").param(customerId)
                            .query(String.class).single();
                });
    }

    /** Registers that the referrer (named by code or id) brought the referred customer. */
    @Transactional
    public ReferralView register(@Nullable String code, @Nullable Long referrerId, @Nullable Long referredId) {
        List<FieldError> errors = new ArrayList<>();
        if (referredId == null) {
            errors.add(new FieldError("referredCustomerId", "is required"));
        }
        if ((code == null || code.isBlank()) == (referrerId == null)) {
            errors.add(new FieldError("referralCode", "give either the referrer's referralCode or referrerCustomerId"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long referrer;
        if (referrerId != null) {
            requireCustomer(referrerId, "referrerCustomerId");
            referrer = referrerId;
        } else {
            referrer = jdbc.sql("select customer_id from referral_code where code = ?")
                    .param(code.strip().toUpperCase(Locale.ROOT)).query(Long.class).optional()
                    .orElseThrow(() -> new InvalidInputException("referralCode", "no customer has this referral code"));
        }
        requireCustomer(referredId, "referredCustomerId");
        // Codes and ids of merged-away records name the customer they were merged into.
        referrer = resolver.current(referrer);
        referredId = resolver.current(referredId);
        if (referrer == referredId) {
            throw new InvalidInputException("referredCustomerId", "a customer cannot refer themselves");
        }
        // Hold both customers' referral locks (in id order) so two crossing registrations cannot form a loop.
        for (long id : new long[] {Math.min(referrer, referredId), Math.max(referrer, referredId)}) {
            jdbc.sql("select 1 from pg_advisory_xact_lock(?, ?)").params(REFERRAL_LOCK, (int) (id ^ (id >>> 32)))
                    .query(Integer.class).single();
        }
        if (jdbc.sql("select count(*) from referral where referred_id = ?").param(referredId).query(Long.class)
                .single() > 0) {
            throw new ConflictException("referredCustomerId", "customer " + referredId + " was already referred");
        }
        boolean loop = jdbc.sql("""
                        with recursive up(id) as (
                            select referrer_id from referral where referred_id = ?
                            union
                            select r.referrer_id from referral r join up on r.referred_id = up.id)
                        select exists (select 1 from up where id = ?)""")
                .params(referrer, referredId).query(Boolean.class).single();
        if (loop) {
            throw new ConflictException("referredCustomerId", "customer " + referredId + " is among those who referred"
                    + " customer " + referrer + "; referrals cannot go round in a loop");
        }
        if (jdbc.sql("select count(*) from order_facts where customer_id = ? and amount_minor > 0").param(referredId)
                .query(Long.class).single() > 0) {
            throw new ConflictException("referredCustomerId", "customer " + referredId
                    + " has already bought; only new customers can be referred");
        }
        return jdbc.sql("insert into referral (referrer_id, referred_id) values (?, ?) returning *")
                .params(referrer, referredId).query(Referrals::row).single();
    }

    public List<ReferralView> byReferrer(long referrerId) {
        return jdbc.sql("select * from referral where referrer_id = ? order by id desc").param(referrerId)
                .query(Referrals::row).list();
    }

    /** Converts the open referrals of customers whose first purchase is in the batch; events for both sides. */
    public List<LoyaltyEvent> convert(List<OrdersStored.Stored> purchases) {
        if (purchases.isEmpty()) {
            return List.of();
        }
        Long[] ids = purchases.stream().map(OrdersStored.Stored::customerId).distinct().toArray(Long[]::new);
        Set<Long> open = new HashSet<>(jdbc.sql("select referred_id from referral where referred_id = any(?)"
                + " and converted_at is null").param(ids).query(Long.class).list());
        if (open.isEmpty()) {
            return List.of();
        }
        List<LoyaltyEvent> events = new ArrayList<>();
        purchases.stream().filter(p -> open.contains(p.customerId()))
                .sorted(Comparator.comparing(OrdersStored.Stored::orderedAt)).forEach(p -> {
                    var converted = jdbc.sql("""
                                    update referral set converted_at = ?, order_id = ?
                                    where referred_id = ? and converted_at is null returning id, referrer_id""")
                            .params(Timestamp.from(p.orderedAt()), p.id(), p.customerId())
                            .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional();
                    converted.ifPresent(r -> {
                        int count = jdbc.sql("select count(*) from referral where referrer_id = ?"
                                + " and converted_at is not null").param(r[1]).query(Integer.class).single();
                        events.add(LoyaltyEvent.referral("referral:" + r[0] + ":referrer", r[1], p.orderedAt(),
                                ReferralRole.REFERRER, count));
                        events.add(LoyaltyEvent.referral("referral:" + r[0] + ":referred", p.customerId(),
                                p.orderedAt(), ReferralRole.REFERRED, count));
                    });
                });
        return events;
    }

    private void requireCustomer(long id, String field) {
        if (!customers.exists(id)) {
            if (field.equals("customerId")) {
                throw new NotFoundException("no customer " + id);
            }
            throw new InvalidInputException(field, "no customer with id " + id);
        }
    }

    static ReferralView row(ResultSet rs, int n) throws SQLException {
        Timestamp converted = rs.getTimestamp("converted_at");
        return new ReferralView(rs.getLong("id"), rs.getLong("referrer_id"), rs.getLong("referred_id"),
                rs.getTimestamp("created_at").toInstant(), converted == null ? null : converted.toInstant());
    }
}
