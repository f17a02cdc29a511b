package io.trinity.core.customer;

/** What an idempotent upsert did to one record. */
public enum UpsertOutcome {
    CREATED, UPDATED, UNCHANGED
}
