package io.trinity.loyalty;

/** What a matching rule gives. */
public enum EffectKind {
    /** A fixed number of points. */
    FIXED_POINTS,
    /** Points per whole unit of the base currency of a purchase (e.g. 1 point per dollar). */
    POINTS_PER_UNIT,
    /** Multiplies the points the event earned from the other rules (e.g. double points for Gold members). */
    MULTIPLIER,
    /** A named perk (e.g. "Room upgrade"), once per customer. */
    GRANT_PERK,
    /** A catalogue reward issued free of points (e.g. a $20 store credit). */
    ISSUE_REWARD
}
