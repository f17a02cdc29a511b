package io.trinity.customer;

/** What an idempotent upsert did to one record. */
public enum UpsertOutcome {
    CREATED, UPDATED, UNCHANGED
}
