package io.trinity.staff;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A login with its hashed password (delegating-encoder format, e.g. {@code {bcrypt}...}) and roles.
 *
 * @param defaultPassword        the password is one Trinity handed out (demo logins); null when not yet checked
 * @param passwordChangeRequired the account may sign in only to choose a new password
 */
public record StaffAccount(long id, String username, String passwordHash, @Nullable String displayName,
        boolean enabled, Set<Role> roles, @Nullable Boolean defaultPassword, boolean passwordChangeRequired) {
}
