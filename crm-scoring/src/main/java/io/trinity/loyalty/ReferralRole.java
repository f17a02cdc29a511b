package io.trinity.loyalty;

/** Which side of a converted referral an event is for. */
public enum ReferralRole {
    REFERRER, REFERRED
}
