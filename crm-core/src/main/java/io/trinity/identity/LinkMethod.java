package io.trinity.identity;

/** How an identity came to belong to a customer: the evidence a service agent can check. */
public enum LinkMethod {
    DECLARED, MATCHED_EMAIL, MATCHED_HANDLE, MATCHED_LOYALTY, MANUAL
}
