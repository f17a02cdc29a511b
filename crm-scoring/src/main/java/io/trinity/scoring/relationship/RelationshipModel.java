package io.trinity.scoring.relationship;

import io.trinity.scoring.Factor;
import java.util.ArrayList;
import java.util.List;

/**
 * Relationship depth 0–100 as a sum of capped, named factors. Every factor only grows with what the customer
 * shares, so adding a linked identity, a consent or a review can only raise the score. The caps add up to 100.
 */
public final class RelationshipModel {

    /** Points per unit and cap for each factor; the caps must sum to 100. */
    public record Weights(double perProfileField, double consent, double preferences, double perIdentity,
            double identityCap, double perReview, double reviewCap, double perConversation, double conversationCap,
            double perReferral, double referralCap, double perCheckin, double checkinCap) {

        public static final Weights DEFAULT = new Weights(2.5, 10, 5, 7.5, 15, 6, 18, 2, 16, 5, 10, 2, 11);
    }

    public record Score(long customerId, double score, List<Factor> factors) {
    }

    private RelationshipModel() {
    }

    public static Score score(RelationshipInput in, Weights w) {
        List<Factor> factors = new ArrayList<>(8);
        add(factors, "profile completeness", Math.min(6, in.profileFields()) * w.perProfileField());
        add(factors, "marketing consent", in.consent() ? w.consent() : 0);
        add(factors, "preferences stated", in.preferences() ? w.preferences() : 0);
        add(factors, "linked social accounts", Math.min(w.identityCap(), in.linkedIdentities() * w.perIdentity()));
        add(factors, "reviews", Math.min(w.reviewCap(), in.reviews() * w.perReview()));
        add(factors, "conversations with the brand",
                Math.min(w.conversationCap(), in.conversations() * w.perConversation()));
        add(factors, "referrals", Math.min(w.referralCap(), in.referrals() * w.perReferral()));
        add(factors, "check-ins", Math.min(w.checkinCap(), in.checkins() * w.perCheckin()));
        double total = factors.stream().mapToDouble(Factor::points).sum();
        return new Score(in.customerId(), Math.min(100, round(total)), List.copyOf(factors));
    }

    /** Recency weight of an event {@code ageDays} old. */
    public static double decay(double ageDays, double halfLifeDays) {
        return Math.pow(0.5, Math.max(0, ageDays) / halfLifeDays);
    }

    private static void add(List<Factor> factors, String name, double points) {
        factors.add(new Factor(name, round(points)));
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
