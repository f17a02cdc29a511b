package io.trinity.scoring.relationship;

/**
 * What one customer shares with the brand. Event counts are already recency-decayed: an event {@code a} days
 * old counts {@code 0.5^(a / halfLife)}.
 *
 * @param profileFields   how many of first name, last name, e-mail, phone, city, country are filled (0..6)
 * @param consent         marketing consent given
 * @param preferences     preferences stated (today: a preferred locale)
 * @param linkedIdentities social accounts linked to the customer
 */
public record RelationshipInput(long customerId, int profileFields, boolean consent, boolean preferences,
        int linkedIdentities, double reviews, double conversations, double referrals, double checkins) {
}
