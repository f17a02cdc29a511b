package io.trinity.core.staff;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A login with its hashed password (delegating-encoder format, e.g. {@code {bcrypt}...}) and roles. */
public record StaffAccount(long id, String username, String passwordHash, @Nullable String displayName,
        boolean enabled, Set<Role> roles) {
}
