package io.trinity.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator.
 *
 * @param password the admin's password on first start (env {@code CRM_ADMIN_PASSWORD}); when unset, a random one is
 *                 generated and printed once (or {@code demo} in demo mode)
 */
@ConfigurationProperties("crm.admin")
public record AdminProperties(@Nullable String password) {
}
