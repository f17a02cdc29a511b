package io.trinity.loyalty;

/** What happened that a reward rule can answer to. */
public enum Trigger {
    PURCHASE("a purchase"),
    SHARE("a share of the brand's content"),
    POST_MENTIONING_BRAND("a post mentioning the brand"),
    COMMENT("a comment"),
    CHECKIN("a check-in"),
    REVIEW("a review"),
    REFERRAL_CONVERTED("a referral's first purchase"),
    IDENTITY_LINKED("a social account linked"),
    PROFILE_COMPLETED("a completed profile"),
    SEGMENT_ENTERED("entering a segment"),
    BIRTHDAY("a birthday");

    private final String label;

    Trigger(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
