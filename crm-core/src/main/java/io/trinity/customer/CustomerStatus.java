package io.trinity.customer;

/** Lifecycle of a customer record: merged records point elsewhere, anonymised ones keep no personal data. */
public enum CustomerStatus {
    ACTIVE, MERGED, ANONYMISED
}
