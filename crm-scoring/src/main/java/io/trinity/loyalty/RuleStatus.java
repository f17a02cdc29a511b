package io.trinity.loyalty;

/** A rule's lifecycle: drafts can be previewed, active rules earn, retired rules never earn again. */
public enum RuleStatus {
    DRAFT, ACTIVE, RETIRED
}
