package io.trinity.loyalty.internal;

/**
 * Rolling expiry, first in first out: points are spent oldest first, so what expires now is what was earned in
 * entries now past their expiry date, net of their own reversals, minus everything spent or expired so far, and
 * never more than the balance.
 */
public final class Expiry {

    private Expiry() {
    }

    /**
     * @param dueEarned points of positive entries whose expiry date has passed, net of their reversals
     * @param debits    points redeemed, expired or adjusted away so far (a positive number)
     * @param balance   the member's balance now
     * @return points to expire now (0 or more)
     */
    public static long due(long dueEarned, long debits, long balance) {
        return Math.max(0, Math.min(dueEarned - debits, balance));
    }
}
