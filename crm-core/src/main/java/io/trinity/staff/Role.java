package io.trinity.staff;

/**
 * What a staff account may do. Teams read customers; {@code INTEGRATION} is for systems that push data and may
 * only ingest; {@code ADMIN} may do everything, including managing accounts.
 */
public enum Role {
    MARKETING("Marketing"), PR("PR"), SERVICE("Customer service"), LOYALTY_ADMIN("Loyalty admin"), ADMIN("Admin"),
    INTEGRATION("Integration (API only)");

    private final String displayName;

    Role(String displayName) {
        this.displayName = displayName;
    }

    /** The role as people call it, for the console ("Loyalty admin", not LOYALTY_ADMIN). */
    public String displayName() {
        return displayName;
    }
}
