package io.trinity.staff;

/**
 * What a staff account may do. Teams read customers; {@code INTEGRATION} is for systems that push data and may
 * only ingest; {@code ADMIN} may do everything, including managing accounts.
 */
public enum Role {
    MARKETING, PR, SERVICE, LOYALTY_ADMIN, ADMIN, INTEGRATION
}
